# Checks: returns from inside nested loops and conditionals, of ints, floats or tuples
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def search(n, target):
    for i in range(n):
        for j in range(n):
            if i * i + j * j == target:
                return i, j
    return None


def sign_of_first_large(values, threshold):
    for value in values:
        if value > threshold:
            return 1.0
        elif value < -threshold:
            return -1.0
    return 0


for target in [0, 25, 50, 3, 1000]:
    show(search, 40, target)
show(sign_of_first_large, [0.1, -5.0, 6.0], 2.0)
show(sign_of_first_large, [0.1, 0.2], 2.0)
