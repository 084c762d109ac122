# Checks: Horner evaluation of random polynomials with int and float coefficients
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


def horner(coefficients, x):
    result = 0
    for i in range(len(coefficients)):
        result = result * x + coefficients[i]
    return result


rng = random.Random(2468)
for _ in range(30):
    degree = rng.randint(0, 12)
    if rng.random() < 0.5:
        coefficients = [rng.randint(-1000, 1000) for _ in range(degree + 1)]
    else:
        coefficients = [rng.uniform(-10, 10) for _ in range(degree + 1)]
    x = rng.choice([rng.randint(-50, 50), rng.uniform(-3, 3), 2**20])
    show(horner, coefficients, x)
