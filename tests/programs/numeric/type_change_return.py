# Checks: a function whose result is an int on one path, a float or a big int on others
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def either(n):
    if n < 0:
        return n / 2
    elif n > 100:
        return n * 2**62
    return n * 2


def total(values):
    result = 0
    for value in values:
        result += either(value)
    return result


for n in [4, -4, 101, 100, 0, -1]:
    show(either, n)
show(total, [1, 2, 3])
show(total, [1, -2, 3])
show(total, [1, 200, 3])
