# Checks: loop counters that cross 2**63 - 1 and -2**63 (range and while)
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


def count_range(low, high):
    total = 0
    last = None
    for value in range(low, high):
        total += 1
        last = value
    return total, last


def count_while(start, stop):
    value = start
    steps = 0
    while value < stop:
        value += 1
        steps += 1
    return steps, value


def count_down(start, stop):
    value = start
    steps = 0
    while value > stop:
        value -= 1
        steps += 1
    return steps, value


show(count_range, MAX - 2, MAX + 3)
show(count_range, MIN - 2, MIN + 3)
show(count_range, 2**64, 2**64 + 4)
show(count_while, MAX - 3, MAX + 3)
show(count_down, MIN + 3, MIN - 3)
