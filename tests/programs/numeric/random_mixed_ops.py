# Checks: random ints, floats, bools and edge values through a table of numeric functions
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


def add(a, b):
    return a + b


def subtract(a, b):
    return a - b


def multiply(a, b):
    return a * b


def divide(a, b):
    return a / b


def floor_divide(a, b):
    return a // b


def modulo(a, b):
    return a % b


def power(a, b):
    return a ** b


FUNCTIONS = [add, subtract, multiply, divide, floor_divide, modulo, power]
EDGES = [0, -0.0, 1, -1, 2**63 - 1, -2**63, 2**64, float("inf"), float("-inf"), float("nan"),
         True, False, 0.5, -2.5, 1e308, 5e-324]
rng = random.Random(777)
for _ in range(150):
    function = rng.choice(FUNCTIONS)
    a = rng.choice([rng.choice(EDGES), rng.randint(-100, 100), rng.uniform(-100, 100)])
    b = rng.choice([rng.choice(EDGES), rng.randint(-5, 5), rng.uniform(-3, 3)])
    if function is power and isinstance(a, int) and isinstance(b, int) and abs(b) > 1000:
        b = 3
    show(function, a, b)
