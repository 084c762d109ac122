# Checks: ints far past a float's range against inf, nan and big floats (no OverflowError)
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


def compare(a, b):
    return a < b, a == b, a > b


for a in [10**400, -(10**400), 2**1024, 2**1024 - 1, 0]:
    for b in [INF, -INF, NAN, 1.7976931348623157e308, -1.7976931348623157e308]:
        show(compare, a, b)
