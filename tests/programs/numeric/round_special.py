# Checks: round of inf (OverflowError), nan (ValueError), -0.0, huge floats and bools
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


def round_to(x, digits):
    return round(x, digits)


for x in [float("inf"), float("-inf"), float("nan"), -0.0, -0.4, 1e20, 1.7976931348623157e308,
          True, False, 2**100]:
    show(to_nearest, x)
    show(round_to, x, 0)
    show(round_to, x, 2)
    show(round_to, x, -2)
