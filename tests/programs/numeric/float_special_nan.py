# Checks: nan propagates through arithmetic and math; comparisons with nan are all False but !=
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


def arithmetic(a, b):
    return a + b, a * b, a - b


def comparisons(a, b):
    return a < b, a <= b, a == b, a != b, a > b, a >= b


def is_nan(x):
    return x != x


def through_math(x):
    return math.sqrt(abs(x)) + math.sin(x) + math.floor(1.5) + math.exp(x)


for a in [NAN, 1.0, INF, -0.0]:
    for b in [NAN, 2.0, -INF]:
        show(arithmetic, a, b)
        show(comparisons, a, b)
for value in [NAN, 0.0, INF, -NAN, 1.0]:
    show(is_nan, value)
    show(math.isnan, value)
show(through_math, NAN)
show(through_math, 0.5)
