# Checks: swaps and multiple assignment through tuples: iterative gcd and Fibonacci pairs
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def fibonacci_pair(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a, b


def rotate(a, b, c, times):
    for _ in range(times):
        a, b, c = b, c, a
    return a, b, c


show(gcd, 1071, 462)
show(gcd, 2**64, 2**32 + 2)
show(gcd, 7.5, 2.5)
show(fibonacci_pair, 95)
show(rotate, 1, 2.5, True, 4)
