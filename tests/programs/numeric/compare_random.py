# Checks: random int and float pairs under all six comparisons
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


def compare(a, b):
    return a < b, a <= b, a == b, a != b, a > b, a >= b


rng = random.Random(2727)
for _ in range(70):
    n = rng.randint(-2**rng.randint(1, 70), 2**rng.randint(1, 70))
    x = rng.choice([float(n), float(n) + rng.choice([-1.0, 1.0, 0.5]), rng.uniform(-1e20, 1e20),
                    float(n + 1)])
    show(compare, n, x)
