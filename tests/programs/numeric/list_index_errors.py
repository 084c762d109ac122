# Checks: IndexError reading and storing out of range, with CPython's messages
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def read(values, index):
    return values[index]


def store(values, index, value):
    values[index] = value
    return values


def read_all(values, count):
    total = 0
    for i in range(count):
        total += values[i]
    return total


for index in [0, 2, 3, -1, -3, -4, 100, -100, 2**63, -2**63 - 1, 2**100]:
    show(read, [1, 2, 3], index)
    show(store, [1.0, 2.0, 3.0], index, 9.5)
show(read, [], 0)
show(read_all, [1, 2, 3], 3)
show(read_all, [1, 2, 3], 4)
