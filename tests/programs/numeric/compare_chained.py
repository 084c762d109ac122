# Checks: chained comparisons over mixed ints and floats, returning bools
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def ordered(a, b, c):
    return a < b < c


def within(low, x, high):
    return low <= x < high


def all_equal(a, b, c):
    return a == b == c


for a, b, c in [(1, 2, 3), (1, 2.0, 3), (3, 2, 1), (1, 1, 2), (0.0, -0.0, 0), (1, float("nan"), 2),
                (-2**63 - 1, -2**63, 2**63), (2**53, 2**53 + 1, 2.0**53 + 2)]:
    show(ordered, a, b, c)
    show(within, a, b, c)
    show(all_equal, a, b, c)
