# Checks: prefix sums over int and float lists, and range queries from them
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def prefix_sums(values):
    sums = [0] * (len(values) + 1)
    for i in range(len(values)):
        sums[i + 1] = sums[i] + values[i]
    return sums


def range_sum(sums, low, high):
    return sums[high] - sums[low]


ints = [3, -1, 4, 1, -5, 9, 2**62, 2**62, -6]
show(prefix_sums, ints)
sums = prefix_sums(ints)
for low, high in [(0, 9), (6, 8), (2, 5), (5, 5), (8, 10)]:
    show(range_sum, sums, low, high)
floats = [0.1, 0.2, 0.3, -0.6, 1e16, 1.0, -1e16]
show(prefix_sums, floats)
show(range_sum, prefix_sums(floats), 0, 7)
