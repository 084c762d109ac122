# Checks: random ints near the int64 bounds through + - * // % and **
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

LIMIT = 2**63


def combine(a, b):
    return a + b, a - b, a * b


def divide(a, b):
    return a // b, a % b


def cube(a):
    return a ** 3


rng = random.Random(6301)
edges = [LIMIT - 1, -LIMIT, LIMIT, -LIMIT - 1, 2**32, -2**32, 2**31 - 1, 0, 1, -1]
for _ in range(60):
    a = rng.choice(edges) + rng.randint(-3, 3)
    b = rng.choice([rng.randint(-2**40, 2**40), rng.randint(-LIMIT, LIMIT - 1),
                    rng.choice(edges)])
    show(combine, a, b)
    if b != 0:
        show(divide, a, b)
    show(cube, rng.randint(-2**22, 2**22))
