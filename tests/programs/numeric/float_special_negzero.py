# Checks: -0.0 kept as -0.0 through arithmetic, abs, negation and min/max (shown with copysign)
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

def sign(x):
    return math.copysign(1.0, x)


def operations(x, y):
    return x + y, x - y, x * y, -x, abs(x)


def signs(x, y):
    result = 0.0
    for value in (x + y, x - y, x * y, -x, abs(x)):
        result = result * 10.0 + sign(value)
    return result


def negated_sum(values):
    total = -0.0
    for value in values:
        total += value
    return total


for x, y in [(-0.0, 0.0), (0.0, -0.0), (-0.0, -0.0), (0.0, 0.0), (-0.0, 1.0), (-1.0, 1.0),
             (-0.0, -5.0), (1e-320, -1e-320)]:
    show(operations, x, y)
    show(signs, x, y)
show(negated_sum, [])
show(negated_sum, [-0.0])
show(negated_sum, [0.0])
show(sign, -0.0 * 0)
show(sign, 0 * -0.0)
show(sign, -0.0 / 5)
show(sign, 0.0 / -5)
