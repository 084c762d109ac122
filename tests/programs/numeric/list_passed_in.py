# Checks: lists made by the caller (huge ints, nan, -0.0) read and changed in place by the callee
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def double_all(values):
    for i in range(len(values)):
        values[i] = values[i] * 2
    return len(values)


def first_nan(values):
    for i in range(len(values)):
        if values[i] != values[i]:
            return i
    return -1


data = [1, 2**62, 2**63 - 1, -2**63]
show(double_all, data)
print(data)
floats = [0.5, -0.0, float("nan"), float("inf")]
show(double_all, floats)
print(floats)
show(first_nan, floats)
show(first_nan, [1.0, 2.0])
