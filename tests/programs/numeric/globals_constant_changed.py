# Checks: a module constant read by a numeric function changes between calls (int, float, big int)
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

SCALE = 3


def scaled(x):
    return x * SCALE


def scaled_sum(n):
    total = 0
    for i in range(n):
        total += scaled(i)
    return total


show(scaled, 5)
show(scaled_sum, 10)
SCALE = 2.5
show(scaled, 5)
show(scaled_sum, 10)
SCALE = 2**64
show(scaled, 5)
show(scaled_sum, 10)
del SCALE
show(scaled, 5)
SCALE = -1
show(scaled_sum, 4)
