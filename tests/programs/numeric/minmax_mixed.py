# Checks: min and max of two: equal values give the first; int against float; -0.0; nan order
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

NAN = float("nan")


def smaller(a, b):
    return min(a, b)


def larger(a, b):
    return max(a, b)


def clamp(x, low, high):
    return max(low, min(x, high))


for a, b in [(1, 1.0), (1.0, 1), (0.0, -0.0), (-0.0, 0.0), (NAN, 1.0), (1.0, NAN), (True, 1),
             (1, True), (2**64, 1.8446744073709552e19), (1.8446744073709552e19, 2**64),
             (-2**63, -2**63 - 1), (3, 2.5), (False, 0.0)]:
    show(smaller, a, b)
    show(larger, a, b)
for x in [-5, 0.5, 20, NAN, -0.0, 2**70]:
    show(clamp, x, 0, 10)
