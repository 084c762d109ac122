# Checks: int ** int past the int64 range, negative bases, exponent 0 and 1, in loops
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

MAX = 2**63 - 1   # the largest int64
MIN = -2**63      # the smallest


def power(base, exponent):
    return base ** exponent


def power_by_multiplying(base, exponent):
    result = 1
    for _ in range(exponent):
        result = result * base
    return result


for base, exponent in [(2, 62), (2, 63), (2, 64), (-2, 63), (-2, 64), (3, 39), (3, 40),
                       (10, 18), (10, 19), (-10, 19), (7, 0), (0, 0), (MIN, 1), (MAX, 2),
                       (-1, MAX), (1, MAX), (0, 5), (2, 200)]:
    show(power, base, exponent)
for base in [2, 3, -3, 10]:
    for exponent in [30, 40, 41, 63, 64, 70]:
        show(power_by_multiplying, base, exponent)
