# Checks: math.log, log2, log10, log1p at 0, below 0, inf, nan, and of ints past a float's range
# python-options: -X tier=2 -X jit-threshold=0

import math

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


def natural(x):
    return math.log(x)


def base_two(x):
    return math.log2(x)


def base_ten(x):
    return math.log10(x)


def one_plus(x):
    return math.log1p(x)


def with_base(x, base):
    return math.log(x, base)


for x in [1.0, 0.0, -0.0, -1.0, INF, -INF, NAN, 10, 1024, 2**64, 10**400, -(10**400), 5e-324,
          True, False]:
    show(natural, x)
    show(base_two, x)
    show(base_ten, x)
for x in [0.0, -0.5, -1.0, -2.0, 1e-20, INF]:
    show(one_plus, x)
for x, base in [(8, 2), (100, 10), (2.0, 1.0), (2.0, 0.0), (0.0, 2.0), (10**400, 10), (1, 1)]:
    show(with_base, x, base)
