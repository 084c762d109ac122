# Checks: random float and int bases and exponents through ** (results real, complex or errors)
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


def power(a, b):
    return a ** b


rng = random.Random(4242)
for _ in range(80):
    a = rng.choice([rng.uniform(-10, 10), rng.randint(-10, 10), rng.uniform(0, 2), 0.0, -0.0])
    b = rng.choice([rng.uniform(-4, 4), rng.randint(-6, 6), 0.5, -0.5, 2, rng.uniform(-400, 400)])
    show(power, a, b)
