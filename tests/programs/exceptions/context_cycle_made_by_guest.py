# Checks: raising while handling an exception whose __context__ chain the program has made into a cycle terminates, keeps that cycle, and still cuts a chain that would loop back to the new exception.
def cycle_on_handled():
    try:
        raise ValueError(1)
    except ValueError as handled:
        handled.__context__ = handled
        raise TypeError(2)


try:
    cycle_on_handled()
except Exception as error:
    print(type(error).__name__, repr(error.__context__),
          error.__context__.__context__ is error.__context__)


def longer_cycle():
    first = KeyError("first")
    second = IndexError("second")
    first.__context__ = second
    second.__context__ = first
    try:
        raise first
    except KeyError:
        raise RuntimeError("new")


try:
    longer_cycle()
except RuntimeError as error:
    context = error.__context__
    print(repr(context), repr(context.__context__), context.__context__.__context__ is context)


def raise_context_again():
    outer = OSError("outer")
    try:
        try:
            raise outer
        except OSError:
            raise LookupError("inner")
    except LookupError:
        raise outer


try:
    raise_context_again()
except OSError as error:
    print(repr(error), repr(error.__context__), error.__context__.__context__)
