# Checks: math.sin, cos, tan, asin, acos, atan, atan2: domain errors, inf, signed zeros
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


def circle(x):
    return math.sin(x), math.cos(x), math.tan(x)


def inverse(x):
    return math.asin(x), math.acos(x), math.atan(x)


def angle(y, x):
    return math.atan2(y, x)


for x in [0.0, -0.0, 1.0, math.pi, -math.pi / 2, 1e22, INF, -INF, NAN, 3, 2**70]:
    show(circle, x)
for x in [0.5, -1.0, 1.0, 1.0000001, -2.0, INF, NAN, -0.0]:
    show(inverse, x)
for y in [0.0, -0.0, 1.0, -1.0, INF]:
    for x in [0.0, -0.0, 1.0, -1.0, -INF]:
        show(angle, y, x)
