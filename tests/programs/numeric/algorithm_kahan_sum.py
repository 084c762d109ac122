# Checks: compensated (Kahan) summation against the naive sum, on floats that lose bits
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def naive_sum(values):
    total = 0.0
    for value in values:
        total += value
    return total


def kahan_sum(values):
    total = 0.0
    compensation = 0.0
    for value in values:
        corrected = value - compensation
        new_total = total + corrected
        compensation = (new_total - total) - corrected
        total = new_total
    return total


def tenths(n):
    values = [0.0] * n
    for i in range(n):
        values[i] = 0.1
    return values


for values in [tenths(10), tenths(1000), [1e100, 1.0, -1e100], [1.0, 1e-16, 1e-16, 1e-16]]:
    show(naive_sum, values)
    show(kahan_sum, values)
