# Checks: unpacking a tuple of the wrong length raises ValueError with CPython's message
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def pair(n):
    if n > 0:
        return n, n * 2
    return n, n * 2, n * 3


def use_pair(n):
    a, b = pair(n)
    return a + b


def triple_from(values):
    a, b, c = values
    return a * b * c


show(use_pair, 4)
show(use_pair, -1)
show(triple_from, (1, 2, 3))
show(triple_from, (1, 2))
show(triple_from, (1.5, 2, 2**63))
