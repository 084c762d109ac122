# Checks: errors nobody can catch (a dying generator that refuses to close, a __del__ that raises) go to sys.unraisablehook with CPython's fields, and the default hook's report goes to sys.stderr.
import io
import re
import sys


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refused"


def failing_cleanup():
    try:
        yield 1
    finally:
        raise KeyError("in finally")


class Leaker:
    def __del__(self):
        raise RuntimeError("del failed")


reports = []


def hook(arguments):
    reports.append(arguments)


def show():
    for arguments in reports:
        owner = arguments.object
        described = owner.__qualname__ if hasattr(owner, "__qualname__") else type(owner)
        print(arguments.exc_type.__name__, "|", arguments.exc_value, "|", described, "|",
              arguments.err_msg, "|", arguments.exc_traceback is not None)
    reports.clear()


sys.unraisablehook = hook
gen = stubborn()
next(gen)
del gen
gen = failing_cleanup()
next(gen)
del gen
leaker = Leaker()
del leaker
print(reports[2].object is Leaker.__del__)
show()

# The default hook writes its report to sys.stderr: collect it to hide the addresses.
sys.unraisablehook = sys.__unraisablehook__
captured = io.StringIO()
sys.stderr = captured
gen = failing_cleanup()
next(gen)
del gen
leaker = Leaker()
del leaker
sys.stderr = sys.__stderr__
print(re.sub(r"0x[0-9a-f]+", "ADDRESS", captured.getvalue()))
