# Checks: bisection for roots of polynomials and math functions, to a tolerance
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

def cubic(x):
    return x * x * x - 2.0 * x - 5.0


def shifted_cosine(x):
    return math.cos(x) - x


def bisect_cubic(low, high, tolerance):
    steps = 0
    while high - low > tolerance:
        middle = (low + high) / 2.0
        if cubic(low) * cubic(middle) <= 0.0:
            high = middle
        else:
            low = middle
        steps += 1
    return (low + high) / 2.0, steps


def bisect_cosine(low, high, steps):
    for _ in range(steps):
        middle = 0.5 * (low + high)
        if shifted_cosine(middle) > 0.0:
            low = middle
        else:
            high = middle
    return low, high


show(bisect_cubic, 2.0, 3.0, 1e-12)
show(bisect_cubic, 2, 3, 0.5)
show(bisect_cosine, 0.0, 1.0, 60)
show(bisect_cosine, 0.0, 1.0, 1100)
