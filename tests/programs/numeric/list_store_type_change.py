# Checks: storing a float (or a big int) into an int list mid-loop; reading it back
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def halve_some(values):
    for i in range(len(values)):
        if values[i] % 2 == 1:
            values[i] = values[i] / 2
    return values


def grow_some(values):
    for i in range(len(values)):
        if i % 2 == 0:
            values[i] = values[i] * 2**64
    return values


def total(values):
    result = 0
    for value in values:
        result += value
    return result


show(halve_some, [1, 2, 3, 4])
show(total, halve_some([1, 2, 3, 4]))
show(grow_some, [1, 2, 3])
show(total, grow_some([1, 2, 3]))
show(total, [1, 2.5, 2**70, True])
