# Checks: unary - and + on ints, floats, bools, -0.0 and -2**63
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def negative(x):
    return -x


def positive(x):
    return +x


def double_negative(x):
    return -(-x)


for x in [0, 5, -2**63, 2**63 - 1, True, False, 0.0, -0.0, 1.5, float("inf"), float("nan"), 2**100]:
    show(negative, x)
    show(positive, x)
    show(double_negative, x)
