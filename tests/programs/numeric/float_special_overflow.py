# Checks: float results past 1.8e308: inf from * and +, OverflowError from ** and math
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def multiply(a, b):
    return a * b


def power(a, b):
    return a ** b


def grow(value, factor, steps):
    for _ in range(steps):
        value = value * factor
    return value


for a, b in [(1e308, 10.0), (-1e308, 10.0), (1e200, 1e200), (1.7e308, 1.0000001)]:
    show(multiply, a, b)
for a, b in [(2.0, 10000), (2.0, 1023), (2.0, 1024), (10.0, 308), (10.0, 309), (-10.0, 309),
             (1.0000001, 1e12), (2, 10000.0), (-2.0, 1025), (0.5, -1100), (1e300, 2)]:
    show(power, a, b)
show(grow, 1.0, 10.0, 400)
show(grow, -1.0, 2.0, 1100)
show(grow, 1.0, 0.5, 1100)
