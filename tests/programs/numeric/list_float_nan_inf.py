# Checks: searching lists that hold nan and inf: comparisons skip nan
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

INF = float("inf")
NAN = float("nan")


def largest(values):
    best = values[0]
    for value in values:
        if value > best:
            best = value
    return best


def index_of_largest(values):
    best = 0
    for i in range(len(values)):
        if values[i] > values[best]:
            best = i
    return best


for values in [[1.0, NAN, 3.0], [NAN, 1.0, 3.0], [-INF, -1e308], [INF, NAN, INF], [-0.0, 0.0],
               [0.0, -0.0]]:
    show(largest, values)
    show(index_of_largest, values)
