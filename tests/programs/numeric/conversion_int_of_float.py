# Checks: int(x) truncates toward zero; int(inf) is OverflowError, int(nan) ValueError
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

INF = float("inf")
NAN = float("nan")


def to_int(x):
    return int(x)


def truncated_sum(values):
    total = 0
    for value in values:
        total += int(value)
    return total


for x in [2.7, -2.7, -0.5, 0.5, -0.0, 1e20, -1e20, 1.7976931348623157e308, 9.223372036854776e18,
          -9.223372036854776e18, 9.223372036854775e18, 4503599627370495.5, INF, -INF, NAN,
          True, 7, 2**70]:
    show(to_int, x)
show(truncated_sum, [0.9, -0.9, 2.5, -2.5])
show(truncated_sum, [1e19, 1e19, -1.5])
