# Checks: a helper function rebound to another between calls of its caller
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def helper(x):
    return x + 1


def other_helper(x):
    return x * 2.5


def caller(n):
    total = 0
    for i in range(n):
        total += helper(i)
    return total


original = helper
show(caller, 10)
helper = other_helper
show(caller, 10)
helper = abs
show(caller, 10)
helper = original
show(caller, 10)
del helper
show(caller, 10)
show(caller, 0)
