# Checks: one list function given int lists, float lists, then lists that mix both
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def total(values):
    result = 0
    for i in range(len(values)):
        result += values[i]
    return result


def mean(values):
    return total(values) / len(values)


for values in [[1, 2, 3], [10, 20], [0.5, 0.25], [1, 0.5], [2**63, 2**63], [True, 2],
               [1, 2**70, -2**70, 0.5]]:
    show(total, values)
    show(mean, values)
