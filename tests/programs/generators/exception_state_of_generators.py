# Checks: a generator handles its own exceptions (sys.exc_info inside it, kept while it is suspended) and sees its caller's where it handles none; its state never leaks into the caller; a bare raise in a generator re-raises the caller's exception; implicit chaining uses the caller's.
import sys


def name_of_handled():
    kind = sys.exc_info()[0]
    return None if kind is None else kind.__name__


def own_handler():
    try:
        raise KeyError("caught")
    except KeyError:
        yield name_of_handled()
        yield name_of_handled()
    yield name_of_handled()


generator = own_handler()
print(next(generator), name_of_handled())
print(next(generator), name_of_handled())
print(next(generator), name_of_handled())

try:
    raise TypeError("outer")
except TypeError:
    generator = own_handler()
    print(next(generator), name_of_handled())
    print(next(generator), name_of_handled())
    print(next(generator), name_of_handled())
    del generator
    print(name_of_handled())


def sees_resumer():
    yield name_of_handled()
    yield name_of_handled()


generator = sees_resumer()
try:
    raise RuntimeError
except RuntimeError:
    print(next(generator))
print(next(generator))


def bare_raise():
    yield 1
    raise


generator = bare_raise()
try:
    try:
        1 / 0
    except ZeroDivisionError:
        next(generator)
        next(generator)
except ZeroDivisionError as error:
    print("re-raised:", repr(error))


def raises_inside():
    yield
    raise ValueError("inside")


generator = raises_inside()
next(generator)
try:
    try:
        raise OSError("handled by caller")
    except OSError:
        next(generator)
except ValueError as error:
    print(repr(error), "context:", repr(error.__context__))
