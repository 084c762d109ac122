# Checks: __context__ is set where an exception is raised (a raise statement replaces an older context), never as it unwinds through frames handling other exceptions; __exit__ receives the traceback that contextlib puts back.
import traceback
from contextlib import contextmanager


class Marker(Exception):
    pass


@contextmanager
def replacing():
    try:
        yield
    except BaseException:
        error = Marker()
        try:
            raise error
        finally:
            error.__context__ = None


try:
    with replacing():
        raise IndexError
except Marker as error:
    print("context after unwinding:", repr(error.__context__))


def raise_without_context():
    error = KeyError("inner")
    try:
        raise error
    finally:
        error.__context__ = None


def caller_handling_something():
    try:
        raise ValueError("being handled")
    except ValueError:
        raise_without_context()


try:
    caller_handling_something()
except KeyError as error:
    print("context kept None through the handling frame:", repr(error.__context__))

saved = TypeError("saved")
saved.__context__ = OSError("old context")
try:
    try:
        raise ValueError("current")
    except ValueError:
        raise saved
except TypeError as error:
    print("raise replaces the context:", repr(error.__context__))

try:
    try:
        raise ValueError("current")
    except ValueError as current:
        raise current
except ValueError as error:
    print("re-raising the handled exception:", repr(error.__context__))

try:
    try:
        raise ValueError("handled")
    except ValueError:
        {}["missing"]
except KeyError as error:
    print("raised by a builtin:", repr(error.__context__))


@contextmanager
def passthrough():
    yield


try:
    with passthrough():
        1 / 0
except ZeroDivisionError as error:
    print([(summary.name, summary.line) for summary in traceback.extract_tb(error.__traceback__)])


class Recorder:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, trace):
        print("__exit__ got", kind.__name__, trace.tb_lineno, trace.tb_frame.f_code.co_name)
        return True


with Recorder():
    raise RuntimeError("suppressed")


def keywords(self, other):
    return self, other


print(keywords(self=1, other=2))
