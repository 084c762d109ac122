# Checks: intermediates past the int64 range whose final result fits again
# python-options: -X tier=2 -X jit-threshold=0

import math

def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

MAX = 2**63 - 1   # the largest int64
MIN = -2**63      # the smallest


def over_and_back(a, b):
    return (a + b) - b


def multiply_then_divide(a, b):
    return (a * b) // b


def middle(low, high):
    return (low + high) // 2


def shifted_back(value, count):
    return (value << count) >> count


for a, b in [(MAX, 1), (MAX, MAX), (MIN, -1), (MIN, MIN), (5, 7)]:
    show(over_and_back, a, b)
for a, b in [(MAX, 3), (MIN, 7), (2**40, 2**40), (-2**40, 2**30), (MAX, -1)]:
    show(multiply_then_divide, a, b)
for low, high in [(MAX - 10, MAX), (MIN, MIN + 10), (MIN, MAX), (0, MAX), (MAX, MAX)]:
    show(middle, low, high)
for value, count in [(MAX, 1), (MIN, 10), (-1, 64), (12345, 100)]:
    show(shifted_back, value, count)
