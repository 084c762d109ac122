# Checks: comparison results stay bools (print True, not 1); and/or return an operand
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def is_positive(x):
    return x > 0


def in_range(x, low, high):
    return low <= x and x < high


def either(a, b):
    return a or b


def both(a, b):
    return a and b


def negation(x):
    return not x


for x in [1, -1, 0, 0.5, -0.0, float("nan"), 2**70]:
    show(is_positive, x)
    show(in_range, x, 0, 10)
    show(negation, x)
for a, b in [(0, 2.5), (3, 0.0), (0.0, 0), (True, 5), (False, -0.0), (-0.0, False)]:
    show(either, a, b)
    show(both, a, b)
