# Checks: Simpson's rule integration of math functions over several intervals
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

def integrand(x):
    return math.exp(-x * x) * math.cos(x)


def simpson(low, high, intervals):
    step = (high - low) / intervals
    total = integrand(low) + integrand(high)
    for i in range(1, intervals):
        x = low + i * step
        if i % 2 == 1:
            total += 4.0 * integrand(x)
        else:
            total += 2.0 * integrand(x)
    return total * step / 3.0


for low, high, intervals in [(0.0, 1.0, 10), (0.0, 1.0, 100), (-3.0, 3.0, 200), (1.0, 1.0, 2),
                             (0, 2, 50), (0.0, 1.0, 0)]:
    show(simpson, low, high, intervals)
