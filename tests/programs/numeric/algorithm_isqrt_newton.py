# Checks: integer square roots by Newton's method on ints up to 2**200, checked both ways
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def integer_sqrt(n):
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def is_exact(n):
    root = integer_sqrt(n)
    return root * root <= n < (root + 1) * (root + 1)


for n in [0, 1, 15, 16, 2**62, 2**63 - 1, 2**64, (2**32 + 1)**2, (2**32 + 1)**2 - 1, 2**200 + 7]:
    show(integer_sqrt, n)
    show(is_exact, n)
