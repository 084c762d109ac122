# Checks: a module global shadows abs, min or round between calls, then goes away
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def magnitude(x):
    return abs(x)


def smaller(a, b):
    return min(a, b)


def nearest(x):
    return round(x)


show(magnitude, -3)
show(smaller, 1, 2)
show(nearest, 2.5)
abs = lambda x: 42
min = max
round = int
show(magnitude, -3)
show(smaller, 1, 2)
show(nearest, 2.5)
del abs, min, round
show(magnitude, -3)
show(smaller, 1, 2)
show(nearest, 2.5)
