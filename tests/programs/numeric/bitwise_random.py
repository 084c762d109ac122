# Checks: random ints of up to 80 bits through & | ^ << >>
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


def mix(a, b, count):
    return (a & b) ^ (a | b), (a << count) >> count, a ^ (b >> count)


rng = random.Random(8080)
for _ in range(60):
    a = rng.randint(-2**rng.randint(1, 80), 2**rng.randint(1, 80))
    b = rng.randint(-2**rng.randint(1, 80), 2**rng.randint(1, 80))
    show(mix, a, b, rng.randint(0, 70))
