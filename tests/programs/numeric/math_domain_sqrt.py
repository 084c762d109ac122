# Checks: math.sqrt of negatives (ValueError), -0.0, inf, nan, ints and ints too big for a float
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


def root(x):
    return math.sqrt(x)


def hypotenuse(a, b):
    return math.sqrt(a * a + b * b)


for x in [4.0, 2.0, -1.0, -1e-300, -0.0, 0.0, INF, -INF, NAN, 9, -9, True, 2**64, 10**308,
          10**309, 2**1024, 5e-324]:
    show(root, x)
for a, b in [(3, 4), (3.0, 4.0), (1e200, 1e200), (1e154, 1e154), (-5, 12), (2**40, 2**40)]:
    show(hypotenuse, a, b)
