# Checks: math.fabs and copysign with -0.0, nan and ints; abs of floats
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

def magnitudes(x):
    return math.fabs(x), abs(x)


def with_sign(magnitude, sign):
    return math.copysign(magnitude, sign)


for x in [-0.0, 0.0, -1.5, float("-inf"), float("nan"), -7, 2**64, True]:
    show(magnitudes, x)
for magnitude, sign in [(1.0, -0.0), (1.0, 0.0), (-2.0, 1.0), (float("nan"), -1.0),
                        (3, -2), (0.0, float("-nan")), (float("inf"), -0.0)]:
    show(with_sign, magnitude, sign)
