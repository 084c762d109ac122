# Checks: float // with negative operands, -0.0 and values near integers
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

def floor_divide(a, b):
    return a // b


for a in [5.5, -5.5, 0.0, -0.0, 1e-20, -1e-20, 7.0, -7.0, 1e300, -1e300, 0.1, 1.0]:
    for b in [2.0, -2.0, 1.0, -1.0, 0.1, -0.1, 1e-300]:
        show(floor_divide, a, b)
