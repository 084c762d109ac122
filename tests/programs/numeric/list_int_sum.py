# Checks: lists of ints made with [0] * n, filled by index and summed past 64 bits
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def squares(n):
    values = [0] * n
    for i in range(n):
        values[i] = i * i
    return values


def total(values):
    result = 0
    for i in range(len(values)):
        result += values[i]
    return result


def scaled_total(n, factor):
    return total(squares(n)) * factor


show(squares, 6)
show(total, squares(1000))
show(total, [2**62, 2**62, 2**62])
show(total, [])
show(scaled_total, 100, 2**50)
show(scaled_total, 10, -3)
