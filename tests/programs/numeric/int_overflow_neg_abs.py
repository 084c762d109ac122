# Checks: -x and abs(x) of -2**63 (no int64 result exists), and their neighbours
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


def negate(a):
    return -a


def absolute(a):
    return abs(a)


def negate_twice(a):
    b = -a
    return -b


def distance(a, b):
    return abs(a - b)


for value in [MIN, MIN + 1, MAX, 0, -1, 1, -2**64, 2**64]:
    show(negate, value)
    show(absolute, value)
    show(negate_twice, value)
show(distance, MIN, MAX)
show(distance, MAX, MIN)
show(distance, MIN, 0)
show(distance, 0, MIN)
