# Checks: random int pairs (small, int64-sized and huge): // and % agree with CPython
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


def quotient_and_remainder(a, b):
    quotient = a // b
    remainder = a % b
    return quotient, remainder, quotient * b + remainder == a


rng = random.Random(1913)
for _ in range(80):
    size = rng.choice([8, 31, 62, 63, 64, 100])
    a = rng.randint(-2**size, 2**size)
    b = rng.randint(-2**rng.choice([3, 20, 40, 63, 70]), 2**rng.choice([3, 20, 40, 63, 70]))
    if b == 0:
        b = -1
    show(quotient_and_remainder, a, b)
