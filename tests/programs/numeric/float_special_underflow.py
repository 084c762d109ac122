# Checks: results below the smallest normal float: subnormals, and underflow to 0.0 and -0.0
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


def halve(value, times):
    for _ in range(times):
        value = value / 2.0
    return value


def power(a, b):
    return a ** b


for a, b in [(5e-324, 0.5), (5e-324, 0.6), (-5e-324, 0.5), (1e-308, 1e-10), (2.2250738585072014e-308, 0.5)]:
    show(multiply, a, b)
show(halve, 1.0, 1074)
show(halve, 1.0, 1075)
show(halve, -1.0, 1080)
show(halve, 3.0, 1074)
for a, b in [(2.0, -1074), (2.0, -1075), (2.0, -1080), (10.0, -330), (-10.0, -331)]:
    show(power, a, b)
