# Checks: -2**63 // -1 and -2**63 % -1 (overflow in machine division), and nearby divisions
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


def floor_divide(a, b):
    return a // b


def remainder(a, b):
    return a % b


def true_divide(a, b):
    return a / b


def both(a, b):
    return a // b, a % b


for a, b in [(MIN, -1), (MIN, 1), (MIN, 2), (MIN, -2), (MIN, MAX), (MAX, MIN), (MIN, MIN),
             (MAX, -1), (MIN + 1, -1), (MIN, 3), (MIN, -3)]:
    show(floor_divide, a, b)
    show(remainder, a, b)
    show(true_divide, a, b)
    show(both, a, b)
