# Checks: int(float(n)) and float(int(x)) on random values of every size
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


def int_round_trip(n):
    return int(float(n)) - n


def float_round_trip(x):
    return float(int(x)) - x


rng = random.Random(5353)
for _ in range(50):
    n = rng.randint(-2**rng.randint(1, 1100), 2**rng.randint(1, 1100))
    show(int_round_trip, n)
    x = rng.uniform(-1, 1) * 10.0 ** rng.randint(-5, 300)
    show(float_round_trip, x)
