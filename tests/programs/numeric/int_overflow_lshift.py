# Checks: x << n past 64 bits, negative x, n of 63, 64 and more, and a negative shift count
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


def shift_left(value, count):
    return value << count


def doubled(value, times):
    for _ in range(times):
        value = value << 1
    return value


for value, count in [(1, 62), (1, 63), (1, 64), (1, 100), (-1, 63), (-1, 64), (3, 62),
                     (MAX, 1), (MIN, 1), (MIN, 0), (0, 1000), (5, 0), (1, -1), (0, -3),
                     (2**40, 30)]:
    show(shift_left, value, count)
show(doubled, 1, 70)
show(doubled, -3, 65)
show(doubled, 0, 100)
