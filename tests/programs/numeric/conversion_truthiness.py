# Checks: numbers as conditions: 0, 0.0, -0.0 false; nan, huge ints, tiny floats true
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def truth(x):
    if x:
        return True
    return False


def count_true(values):
    count = 0
    for value in values:
        if value:
            count += 1
    return count


def negated(x):
    return not x


for x in [0, 1, -1, 0.0, -0.0, float("nan"), float("inf"), 5e-324, 2**64, -(2**64), True, False]:
    show(truth, x)
    show(negated, x)
show(count_true, [0, 0.0, -0.0, 1, float("nan"), 2**70, False])
