# Checks: math.pi, e, tau, inf, nan read inside functions; isnan, isinf, isfinite
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

def circumference(radius):
    return 2.0 * math.pi * radius


def constants():
    return math.pi, math.e, math.tau, math.inf, -math.inf


def classify(x):
    return math.isnan(x), math.isinf(x), math.isfinite(x)


def largest_or_inf(values):
    largest = -math.inf
    for value in values:
        largest = max(largest, value)
    return largest


show(circumference, 1.0)
show(circumference, 0.5)
show(constants)
for x in [0.0, math.inf, -math.inf, math.nan, 1e308, 5e-324, 3, 2**70]:
    show(classify, x)
show(largest_or_inf, [])
show(largest_or_inf, [1.0, 3.0, 2.0])
