# Checks: inf through + - * / and math: propagation, inf - inf and inf * 0 give nan
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
    return a + b, a - b, a * b


def quotient(a, b):
    return a / b


def accumulate(values):
    total = 0.0
    for value in values:
        total += value
    return total


for a in [INF, -INF, 1.0, -0.0, 1e308]:
    for b in [INF, -INF, 0.0, 2.0, -1e308]:
        show(arithmetic, a, b)
        show(quotient, a, b)
show(accumulate, [1.0, INF, 2.0])
show(accumulate, [1.0, INF, -INF])
show(accumulate, [1e308, 1e308, -1e308])
