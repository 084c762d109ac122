# Checks: random float lists reduced by sum, sum of squares, min, max and a mean
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

import random


def reduce_floats(values):
    total = 0.0
    squares = 0.0
    low = math.inf
    high = -math.inf
    for value in values:
        total += value
        squares += value * value
        low = min(low, value)
        high = max(high, value)
    return total, squares, low, high


def mean(values):
    total = 0.0
    for value in values:
        total += value
    return total / len(values)


rng = random.Random(321)
for _ in range(25):
    values = [rng.gauss(0.0, 10.0 ** rng.randint(-3, 150)) for _ in range(rng.randint(0, 15))]
    show(reduce_floats, values)
    show(mean, values)
