# Checks: lists of floats made with [0.0] * n: dot products, scaling in place, norms
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

def linspace(low, high, count):
    values = [0.0] * count
    for i in range(count):
        values[i] = low + (high - low) * i / (count - 1)
    return values


def dot(a, b):
    total = 0.0
    for i in range(len(a)):
        total += a[i] * b[i]
    return total


def scale_in_place(values, factor):
    for i in range(len(values)):
        values[i] *= factor
    return values


def norm(values):
    return math.sqrt(dot(values, values))


show(linspace, 0.0, 1.0, 5)
show(linspace, -1.0, 1.0, 1)
show(dot, linspace(0.0, 1.0, 11), linspace(1.0, 2.0, 11))
show(scale_in_place, linspace(0.0, 1.0, 4), -0.0)
show(scale_in_place, [1.0, float("inf")], 0.0)
show(norm, [3.0, 4.0])
show(norm, [1e200, 1e200])
