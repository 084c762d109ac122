# Checks: a stream of random int64-sized ints accumulated with wrap-free sums and products
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


def accumulate(values):
    total = 0
    product = 1
    alternating = 0
    for i in range(len(values)):
        total += values[i]
        product = (product * values[i]) % (2**61 - 1)
        if i % 2 == 0:
            alternating += values[i]
        else:
            alternating -= values[i]
    return total, product, alternating


rng = random.Random(123)
for _ in range(25):
    values = [rng.randint(-2**63, 2**63 - 1) for _ in range(rng.randint(0, 20))]
    show(accumulate, values)
