# Checks: the same function called many times with ints, then floats, then mixed
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def poly(x):
    return 3 * x * x - 2 * x + 1


def ratio(a, b):
    return (a + b) / (a - b + 1)


for x in range(-5, 6):
    show(poly, x)
for x in [0.5, -1.25, 1e154, 1e155]:
    show(poly, x)
show(poly, True)
show(poly, 2**40)
for a, b in [(1, 2), (3, 3), (1.5, 2), (2, 1.5), (4, 5.0), (-1, 0)]:
    show(ratio, a, b)
