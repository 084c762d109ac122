# Checks: a negative float to a fractional power gives a complex number in Python 3
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def power(a, b):
    return a ** b


def cube_root(x):
    return x ** (1.0 / 3.0)


for a, b in [(-8.0, 1.0 / 3.0), (-1.0, 0.5), (-2.0, 2.0), (-2.0, -2.0), (-2, 0.5),
             (-2.0, 1.5), (-1e-300, 0.5), (-0.5, -0.25), (-4, 0.5), (-2.0, 3.0)]:
    show(power, a, b)
for x in [27.0, -27.0, 0.0, -0.0, 1e-9, -1e300]:
    show(cube_root, x)
