# Checks: binomial coefficients by a multiplicative loop, past 64 bits, and Pascal's rule
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def binomial(n, k):
    if k < 0 or k > n:
        return 0
    result = 1
    for i in range(1, k + 1):
        result = result * (n - k + i) // i
    return result


def binomial_float(n, k):
    result = 1.0
    for i in range(1, k + 1):
        result = result * (n - k + i) / i
    return result


def pascal_holds(n, k):
    return binomial(n, k) == binomial(n - 1, k - 1) + binomial(n - 1, k)


for n, k in [(10, 3), (62, 31), (66, 33), (67, 33), (68, 34), (200, 100), (5, 7), (5, -1)]:
    show(binomial, n, k)
    show(binomial_float, n, k)
for n, k in [(67, 33), (100, 50)]:
    show(pascal_holds, n, k)
