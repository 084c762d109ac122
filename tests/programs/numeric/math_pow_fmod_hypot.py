# Checks: math.pow (ValueError where ** gives complex or ZeroDivisionError), math.fmod signs, hypot
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


def power(a, b):
    return math.pow(a, b)


def float_modulo(a, b):
    return math.fmod(a, b)


def hypotenuse(a, b):
    return math.hypot(a, b)


for a, b in [(-8.0, 1.0 / 3.0), (0.0, -1.0), (2.0, 10000.0), (2, 10), (-2.0, 3.0),
             (NAN, 0.0), (1.0, NAN), (INF, -1.0), (-0.0, -3.0), (10, 400)]:
    show(power, a, b)
for a, b in [(5.5, 2.0), (-5.5, 2.0), (5.5, -2.0), (-0.0, 1.0), (1.0, 0.0), (INF, 1.0),
             (1.0, INF), (NAN, 1.0), (7, 3), (-7, 3)]:
    show(float_modulo, a, b)
for a, b in [(3.0, 4.0), (INF, NAN), (NAN, INF), (1e308, 1e308), (-0.0, -0.0), (5, 12)]:
    show(hypotenuse, a, b)
