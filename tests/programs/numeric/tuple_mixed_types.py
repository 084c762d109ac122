# Checks: tuples mixing ints, floats, bools and big ints, returned and compared
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def stats(n):
    return n, n / 2, n > 10, n * 2**64


def larger_pair(a, b, c, d):
    if (a, b) > (c, d):
        return a, b
    return c, d


for n in [0, 7, 11, -3, 2**63]:
    show(stats, n)
show(larger_pair, 1, 2.5, 1, 2)
show(larger_pair, 1.0, 0, 1, 0)
show(larger_pair, 2**64, -1, 2**64, 0.5)
