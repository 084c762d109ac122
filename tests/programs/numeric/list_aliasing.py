# Checks: two names for one list: a store through one is seen through the other
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def fill_and_read(values, value):
    alias = values
    alias[0] = value
    return values[0]


def self_add(values):
    other = values
    for i in range(len(values)):
        values[i] += other[i]
    return values


show(fill_and_read, [0, 0], 5)
show(fill_and_read, [0.0], -0.0)
show(self_add, [1, 2.5, 2**63])
