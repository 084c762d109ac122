# Checks: math functions given ints, bools and ints past 64 bits or past a float's range
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

def several(n):
    return math.sqrt(n), math.exp(n / 1000), math.floor(n), math.fabs(n)


def trig(n):
    return math.sin(n), math.cos(n)


for n in [0, 1, -1, True, False, 2**53 + 1, 2**63, -2**63, 2**64, 10**300, 10**309, -(10**309)]:
    show(several, n)
    show(trig, n)
