# Checks: an accumulator that starts as an int 0 and becomes a float, or stays an int
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
    for value in values:
        result += value
    return result


def mean_and_count(values):
    result = 0
    count = 0
    for value in values:
        result = result + value
        count += 1
    if count == 0:
        return result, count
    return result / count, count


for values in [[1, 2, 3], [1, 2.5, 3], [0.5], [], [True, True], [2**63, 2**63],
               [1e308, 1e308], [1, -1.0], [-0.0], [2**64, 0.5]]:
    show(total, values)
    show(mean_and_count, values)
