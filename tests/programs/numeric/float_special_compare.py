# Checks: comparisons among inf, nan, -0.0 and finite floats, chained
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

INF = float("inf")
NAN = float("nan")


def less(a, b):
    return a < b


def between(low, x, high):
    return low <= x <= high


def equal(a, b):
    return a == b


values = [-INF, -1e308, -1.0, -0.0, 0.0, 5e-324, 1.0, INF, NAN]
for a in values:
    for b in values:
        show(less, a, b)
for x in values:
    show(between, -1.0, x, 1.0)
    show(equal, x, 0.0)
