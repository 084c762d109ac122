# Checks: RecursionError from unbounded recursion is caught outside, then the function works again
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def forever(x):
    return forever(x + 1.0)


show(depth, 100)
show(depth, 500)
show(depth, 10**6)
show(forever, 0.0)
show(depth, 50)
