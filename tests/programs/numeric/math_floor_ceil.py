# Checks: math.floor, ceil and trunc give ints (big ones too); inf raises OverflowError, nan ValueError
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


def floor(x):
    return math.floor(x)


def ceil(x):
    return math.ceil(x)


def trunc(x):
    return math.trunc(x)


def floor_sum(values):
    total = 0
    for value in values:
        total += math.floor(value)
    return total


for x in [2.5, -2.5, -0.0, 0.0, 1e20, -1e20, 1.7976931348623157e308, 0.9999999999999999,
          -0.9999999999999999, 4503599627370495.5, INF, -INF, NAN, 7, -7, 2**70, True]:
    show(floor, x)
    show(ceil, x)
    show(trunc, x)
show(floor_sum, [0.5, -0.5, 1.5, -1.5])
show(floor_sum, [1e19, 1e19])
show(floor_sum, [0.5, INF])
