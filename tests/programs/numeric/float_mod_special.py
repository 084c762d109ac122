# Checks: float % with inf, nan and a zero divisor
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


def remainder(a, b):
    return a % b


for a in [1.0, -1.0, 0.0, -0.0, INF, -INF, NAN, 3]:
    for b in [INF, -INF, NAN, 2.5, -2.5, 0.0, -0.0]:
        show(remainder, a, b)
