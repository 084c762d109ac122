# Checks: int + past 2**63 - 1 and below -2**63 gives the exact big int (no wrap-around)
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


def add(a, b):
    return a + b


def add_repeatedly(start, step, count):
    total = start
    for _ in range(count):
        total += step
    return total


for a, b in [(MAX, 1), (MAX, 0), (MIN, -1), (MIN, 0), (MAX, MAX), (MIN, MIN), (MAX, MIN),
             (2**62, 2**62), (-2**62, -2**62 - 1), (1, 2), (-5, 3), (MAX - 1, 1), (MIN + 1, -2)]:
    show(add, a, b)
show(add_repeatedly, MAX - 5, 1, 10)
show(add_repeatedly, MIN + 5, -1, 10)
show(add_repeatedly, 0, 2**60, 20)
show(add_repeatedly, 0, -2**61, 9)
show(add_repeatedly, 7, 3, 1000)
