# Checks: math.gcd, isqrt, factorial and comb on int64-sized and bigger ints, and their errors
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

def gcd(a, b):
    return math.gcd(a, b)


def integer_root(n):
    return math.isqrt(n)


def factorial(n):
    return math.factorial(n)


def combinations(n, k):
    return math.comb(n, k)


for a, b in [(12, 18), (-12, 18), (0, 0), (2**64, 2**32), (2**63 - 1, 2**31 - 1), (0, -7)]:
    show(gcd, a, b)
for n in [0, 1, 15, 16, 2**62, 2**63, 2**64 + 1, 10**40, -1]:
    show(integer_root, n)
for n in [0, 5, 20, 21, 25, -1]:
    show(factorial, n)
for n, k in [(10, 3), (67, 33), (68, 34), (100, 50), (5, 7), (-1, 2)]:
    show(combinations, n, k)
