# Checks: int ** negative int is a float; 0 ** -1 raises; huge base with negative exponent
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def power(a, b):
    return a ** b


def powers(base, low, high):
    result = 0.0
    for exponent in range(low, high):
        result += base ** exponent
    return result


for a, b in [(2, -1), (2, -2), (-3, -3), (10, -5), (0, -1), (1, -100), (-1, -101),
             (2**64, -1), (10**400, -1), (2, -1075), (7, -400), (True, -1), (False, -1)]:
    show(power, a, b)
show(powers, 2, -10, 10)
show(powers, -3, -4, 5)
show(powers, 0, -2, 3)
