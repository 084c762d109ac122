# Checks: [x] * n with n of 0, negative, a bool, and ints past an index's range
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def zeros(n):
    return [0.0] * n


def ones_total(n):
    values = [1] * n
    total = 0
    for value in values:
        total += value
    return total, len(values)


for n in [0, 3, -1, -2**63, True, False]:
    show(zeros, n)
    show(ones_total, n)
show(zeros, 2**63)
show(zeros, 2.0)
