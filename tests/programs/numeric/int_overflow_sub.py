# Checks: int - past the int64 range in both directions, and back
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


def subtract(a, b):
    return a - b


def countdown(start, step, count):
    value = start
    for _ in range(count):
        value -= step
    return value


for a, b in [(MIN, 1), (MAX, -1), (0, MIN), (-1, MIN), (MIN, MAX), (MAX, MIN), (MIN, MIN),
             (MAX, MAX), (0, MAX), (-2, MAX), (100, 58)]:
    show(subtract, a, b)
show(countdown, MIN + 3, 1, 6)
show(countdown, MAX - 3, -1, 6)
show(countdown, 0, 2**62, 5)
show(countdown, 10, 1, 20)
