# Checks: round of random floats with and without digits
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


def round_both(x, digits):
    return round(x), round(x, digits)


rng = random.Random(9999)
for _ in range(60):
    x = rng.choice([rng.randint(-100, 100) + 0.5, rng.uniform(-1e6, 1e6), rng.uniform(-1, 1),
                    rng.randint(-1000, 1000) / 8])
    show(round_both, x, rng.randint(-3, 6))
