# Checks: sys.excepthook and sys.__excepthook__ called by the program print the guest's traceback to the guest's sys.stderr, in the format of an uncaught exception (with "Did you mean" suggestions and str() failures), and refuse a value that is not an exception.
import io
import sys


class BrokenStr(Exception):
    def __str__(self):
        raise ValueError("no")


class Holder:
    blech = None


def report(action):
    captured = io.StringIO()
    saved = sys.stderr
    sys.stderr = captured
    try:
        try:
            action()
        except BaseException:
            sys.__excepthook__(*sys.exc_info())
    finally:
        sys.stderr = saved
    print(captured.getvalue().replace(__file__, "FILE"), end="")
    print("--")


def misspelled_global():
    return reprr(1)


report(lambda: 1 / 0)
report(misspelled_global)
report(lambda: Holder().bluch)
def raise_broken():
    raise BrokenStr()


report(raise_broken)
report(lambda: compile("x = = 1", "bad.py", "exec"))

captured = io.StringIO()
sys.stderr = captured
sys.excepthook(ValueError, "not an exception", None)
sys.stderr = sys.__stderr__
print(captured.getvalue(), end="")
print(sys.excepthook is sys.__excepthook__)
