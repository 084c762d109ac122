# Checks: implicit exception chaining sets __context__; handling restores the outer exception.
import sys

try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as error:
    print(repr(error), repr(error.__context__), error.__cause__)
try:
    raise TypeError("outer")
except TypeError:
    try:
        raise ValueError("inner")
    except ValueError:
        print("inside", repr(sys.exc_info()[1]))
    print("restored", repr(sys.exc_info()[1]))
print("outside", sys.exc_info())


def reraise():
    try:
        raise LookupError("original")
    except LookupError:
        raise


try:
    reraise()
except LookupError as error:
    print("re-raised", repr(error), error.__context__)
