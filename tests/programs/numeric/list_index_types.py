# Checks: indexes that are bools, ints past 64 bits, or floats (TypeError)
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


for index in [True, False, 2**64, -(2**64), 1.0, 0.5]:
    show(read, [10, 20, 30], index)
