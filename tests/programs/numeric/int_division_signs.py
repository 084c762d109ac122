# Checks: int // and % with every sign combination (floor, not truncation)
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def floor_divide(a, b):
    return a // b


def remainder(a, b):
    return a % b


def identity_holds(a, b):
    return (a // b) * b + a % b == a


for a in [7, -7, 0, 1, -1, 13, -13, 100]:
    for b in [2, -2, 3, -3, 7, -7, 1, -1, 200, -200]:
        show(floor_divide, a, b)
        show(remainder, a, b)
        show(identity_holds, a, b)
