# Checks: % and // mixing ints, floats and bools (an int operand becomes a float)
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

def remainder(a, b):
    return a % b


def floor_divide(a, b):
    return a // b


for a, b in [(7, 2.0), (-7, 2.0), (7.0, 2), (7.0, -2), (True, 0.5), (3.5, True), (-3, 0.75),
             (2**53 + 1, 2.0), (2**64, 3.0), (10**20, 7), (-(10**20), 7.5), (1, -2**70),
             (-1.5, 2**70), (0, -2.0), (-0.0, 3)]:
    show(remainder, a, b)
    show(floor_divide, a, b)
