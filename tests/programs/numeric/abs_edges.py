# Checks: abs of -2**63, -0.0, -inf, nan, huge ints, bools
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def absolute(x):
    return abs(x)


def sum_of_magnitudes(values):
    total = 0
    for value in values:
        total += abs(value)
    return total


for x in [-2**63, 2**63 - 1, -2**63 + 1, -0.0, float("-inf"), float("nan"), -(10**30), True,
          False, -1, -1.5, 5e-324]:
    show(absolute, x)
show(sum_of_magnitudes, [-2**63, -2**63])
show(sum_of_magnitudes, [-1, 2.5, -0.0])
