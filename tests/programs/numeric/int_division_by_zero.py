# Checks: ZeroDivisionError from / // % by zero, int and float, each with CPython's message
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def true_divide(a, b):
    return a / b


def floor_divide(a, b):
    return a // b


def remainder(a, b):
    return a % b


def mean(total, count):
    return total / count


def divide_in_loop(values):
    total = 0.0
    for value in values:
        total += 1 / value
    return total


for a, b in [(1, 0), (0, 0), (-5, 0), (1.0, 0), (1, 0.0), (1.5, -0.0), (0.0, 0.0), (2**70, 0),
             (True, False), (1, False), (float("inf"), 0.0), (float("nan"), 0)]:
    show(true_divide, a, b)
    show(floor_divide, a, b)
    show(remainder, a, b)
show(mean, 10, 0)
show(mean, 10.0, 4)
show(divide_in_loop, [1, 2, 4, 0, 8])
show(divide_in_loop, [1, 2, 4, 8])
