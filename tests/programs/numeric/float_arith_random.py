# Checks: random floats of every magnitude through + - * / (bit-exact results)
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


def combine(a, b):
    return a + b, a - b, a * b, a / b


def polynomial(x):
    return ((3.5 * x - 2.25) * x + 0.125) * x - 7.0


rng = random.Random(1010)
for _ in range(70):
    a = rng.uniform(-1, 1) * 10.0 ** rng.randint(-300, 300)
    b = rng.uniform(-1, 1) * 10.0 ** rng.randint(-300, 300)
    show(combine, a, b)
    show(polynomial, rng.uniform(-1e3, 1e3))
