# Checks: a handled exception, its traceback and the frames it went through are freed as
# soon as the handler is done, without the cycle collector (as CPython's reference
# counting does): what the raising frame held dies with them.
import gc
import weakref

gc.disable()


class Held:
    pass


class CarryingError(Exception):
    def __init__(self, held):
        self.held = held


def raise_holding(held):
    local_reference = held
    raise CarryingError(held)


def caught_with_name():
    held = Held()
    alive = weakref.ref(held)
    try:
        raise_holding(held)
    except CarryingError as error:
        pass
    del held
    return alive() is None


def caught_and_reraised_in_finally():
    held = Held()
    alive = weakref.ref(held)
    try:
        raise_holding(held)
    except CarryingError:
        try:
            try:
                raise
            finally:
                raise
        except CarryingError:
            pass
    del held
    return alive() is None


class Silencing:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        return True


def silenced_by_with():
    held = Held()
    alive = weakref.ref(held)
    with Silencing():
        raise_holding(held)
    del held
    return alive() is None


def raised_by_a_builtin():
    held = Held()
    alive = weakref.ref(held)
    try:
        int(held.__class__.__name__)
    except ValueError:
        pass
    del held
    return alive() is None


for case in (caught_with_name, caught_and_reraised_in_finally, silenced_by_with,
             raised_by_a_builtin):
    print(case.__name__, case())
