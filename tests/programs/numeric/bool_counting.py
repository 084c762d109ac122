# Checks: sums of comparison results count (bool + int), and bool lists
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def count_positive(values):
    count = 0
    for value in values:
        count += value > 0
    return count


def count_flags(flags):
    total = False
    for flag in flags:
        total = total + flag
    return total


def all_true(flags):
    result = True
    for flag in flags:
        result = result & flag
    return result


show(count_positive, [1, -2, 3.5, 0, float("nan"), 2**70])
show(count_positive, [])
show(count_flags, [True, True, False])
show(count_flags, [])
show(all_true, [True, True])
show(all_true, [True, False])
show(all_true, [True, 1])
