# Checks: min and max of two random ints and floats, in loops that track extremes
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

import random


def extremes(values):
    low = values[0]
    high = values[0]
    for value in values:
        low = min(low, value)
        high = max(high, value)
    return low, high


rng = random.Random(515)
for _ in range(30):
    values = [rng.choice([rng.randint(-2**70, 2**70), rng.uniform(-1e25, 1e25), rng.randint(-5, 5)])
              for _ in range(rng.randint(1, 8))]
    show(extremes, values)
