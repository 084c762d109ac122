# Checks: round(x) of .5 cases rounds half to even and returns an int
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def to_nearest(x):
    return round(x)


def rounded_sum(values):
    total = 0
    for value in values:
        total += round(value)
    return total


for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4503599627370495.5,
          4503599627370496.5, -4503599627370497.5, 2.675, 1e16 + 1, -0.0, 0.0, 7, -7]:
    show(to_nearest, x)
show(rounded_sum, [0.5, 1.5, 2.5, 3.5, 4.5])
show(rounded_sum, [-0.5, -1.5, -2.5])
