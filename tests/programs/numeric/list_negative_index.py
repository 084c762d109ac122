# Checks: negative indexes count from the end, for reads, stores and augmented stores
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def last(values):
    return values[-1]


def swap_ends(values):
    values[0], values[-1] = values[-1], values[0]
    return values


def reverse_in_place(values):
    n = len(values)
    for i in range(n // 2):
        values[i], values[-1 - i] = values[-1 - i], values[i]
    return values


def bump_from_end(values, k):
    values[-k] += 1
    return values


show(last, [1, 2, 3])
show(last, [2.5])
show(swap_ends, [1, 2, 3, 4])
show(swap_ends, [7])
show(reverse_in_place, [1, 2, 3, 4, 5])
show(reverse_in_place, [0.5, -0.0, 2.0, 3.5])
show(bump_from_end, [1, 2, 3], 1)
show(bump_from_end, [1, 2, 3], 3)
show(bump_from_end, [1, 2, 3], 4)
