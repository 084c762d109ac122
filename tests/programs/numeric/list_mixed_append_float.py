# Checks: an int list that gets a float appended, then is summed (the sum turns float)
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def build(n, extra):
    values = [0] * n
    for i in range(n):
        values[i] = i
    values.append(extra)
    return values


def total(values):
    result = 0
    for value in values:
        result += value
    return result


def grow_and_sum(n, extra):
    return total(build(n, extra))


for extra in [10, 0.5, -0.0, 2**70, True, float("inf"), float("nan"), 1e308]:
    show(grow_and_sum, 5, extra)
show(build, 3, 2.5)
