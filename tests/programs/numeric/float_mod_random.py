# Checks: random floats of every magnitude and sign through % and //
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


def floor_and_remainder(a, b):
    return a // b, a % b


def reconstructed(a, b):
    return (a // b) * b + a % b


rng = random.Random(7707)
for _ in range(70):
    a = rng.uniform(-1, 1) * 10.0 ** rng.randint(-10, 10)
    b = rng.uniform(-1, 1) * 10.0 ** rng.randint(-5, 5)
    show(floor_and_remainder, a, b)
    show(reconstructed, a, b)
