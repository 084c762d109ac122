# Checks: math.exp and expm1 past the float range (OverflowError 'math range error'), and far below
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


def exponential(x):
    return math.exp(x)


def exponential_minus_one(x):
    return math.expm1(x)


def softplus(x):
    return math.log(1.0 + math.exp(x))


for x in [0.0, 1.0, 709.0, 709.8, 710.0, 1000.0, -1000.0, -745.0, -746.0, INF, -INF, NAN,
          -0.0, 1000, 2**64]:
    show(exponential, x)
    show(exponential_minus_one, x)
for x in [-50.0, 0.0, 50.0, 700.0, 710.0]:
    show(softplus, x)
