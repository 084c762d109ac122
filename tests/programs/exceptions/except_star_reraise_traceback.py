# Checks: the traceback of an exception group re-raised from except* (a bare raise, the rest unhandled) keeps the frames it was raised through, the nested groups' too.
import traceback


def inner():
    def deeper():
        raise ExceptionGroup("inner", [ValueError(1), KeyError(3)])
    try:
        deeper()
    except ExceptionGroup as group:
        raise ExceptionGroup("eg", [group, TypeError(2)])


def middle():
    try:
        inner()
    except* ValueError:
        raise
    except* TypeError:
        pass


def outer():
    middle()


try:
    outer()
except ExceptionGroup:
    traceback.print_exc()


def flat():
    raise ExceptionGroup("flat", [ValueError(1), TypeError(2)])


def reraising():
    try:
        flat()
    except* ValueError:
        raise


reraising()
