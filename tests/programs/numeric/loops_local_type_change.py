# Checks: a local that changes type inside a loop (int to float to big int)
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def halvings(n, times):
    value = n
    for _ in range(times):
        value = value / 2
    return value


def grows(n, times):
    value = n
    for _ in range(times):
        value = value * value
    return value


def alternate(n):
    value = 0
    for i in range(n):
        if i % 3 == 0:
            value = value + 0.5
        else:
            value = int(value * 2)
    return value


show(halvings, 10, 3)
show(halvings, 10, 0)
show(grows, 3, 7)
show(grows, 1.5, 8)
show(grows, 2.0, 11)
show(alternate, 10)
show(alternate, 70)
