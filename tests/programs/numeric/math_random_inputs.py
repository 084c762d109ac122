# Checks: many math functions on random floats, some out of their domains
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


def evaluate(x):
    return (math.sqrt(x), math.log(x), math.exp(x), math.sin(x), math.cos(x),
            math.atan(x), math.floor(x))


def safe_chain(x):
    return math.exp(math.sin(x)) * math.cos(math.log(abs(x) + 1.0)) + math.sqrt(abs(x))


rng = random.Random(3141)
for _ in range(60):
    x = rng.choice([rng.uniform(-5, 5), rng.uniform(-800, 800), rng.uniform(0, 1e-5),
                    rng.uniform(-1e300, 1e300)])
    show(evaluate, x)
    show(safe_chain, x)
