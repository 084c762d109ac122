# Checks: sys.exc_info and sys.exception inside handlers, generators and after handling.
import sys


def show(label):
    kind, value, traceback = sys.exc_info()
    print(label, kind.__name__ if kind else None, value, traceback is not None)


show("before")
try:
    raise IndexError("idx")
except IndexError:
    show("in handler")
    print(repr(sys.exception()))
show("after")


def gen():
    try:
        raise KeyError("in generator")
    except KeyError:
        yield
        show("resumed in generator handler")


g = gen()
next(g)
show("outside generator")
next(g, None)
