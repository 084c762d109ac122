# Checks: implicit chaining stops on a context chain that already holds a cycle, and cuts the chain where it would make a new one.
def existing_cycle():
    try:
        raise ValueError(1)
    except ValueError as error:
        error.__context__ = error
        raise TypeError(2)


try:
    existing_cycle()
except TypeError as error:
    print(repr(error.__context__), error.__context__.__context__ is error.__context__)


def longer_cycle():
    first, second, third = KeyError("a"), KeyError("b"), KeyError("c")
    first.__context__, second.__context__, third.__context__ = second, third, first
    try:
        raise first
    except KeyError:
        raise IndexError("new")


try:
    longer_cycle()
except IndexError as error:
    print(repr(error.__context__), repr(error.__context__.__context__))


def would_cycle():
    outer = ValueError("outer")
    try:
        raise outer
    except ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            raise outer


try:
    would_cycle()
except ValueError as error:
    context = error.__context__
    print(repr(context), repr(context.__context__))
