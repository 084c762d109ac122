# Checks: range with negative steps: the values, their sum and count
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def values(low, high, step):
    result = []
    for value in range(low, high, step):
        result.append(value)
    return result


def total(low, high, step):
    result = 0
    for value in range(low, high, step):
        result += value
    return result


for low, high, step in [(10, 0, -1), (10, -10, -3), (-1, -10, -2), (0, -1, -1), (5, 5, -1),
                        (2**63 - 1, 2**63 - 6, -2), (-2**63 + 2, -2**63 - 3, -1)]:
    show(values, low, high, step)
    show(total, low, high, step)
show(total, 10**6, 0, -7)
