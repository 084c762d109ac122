# Checks: range with a zero step (ValueError) or a float argument (TypeError)
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def count(low, high, step):
    total = 0
    for _ in range(low, high, step):
        total += 1
    return total


def count_to(n):
    total = 0
    for _ in range(n):
        total += 1
    return total


show(count, 0, 10, 0)
show(count, 0, 10, 2)
show(count_to, 2.0)
show(count_to, True)
show(count_to, 4)
