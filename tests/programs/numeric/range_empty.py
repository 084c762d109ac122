# Checks: empty ranges run no iteration; the loop variable stays unbound (UnboundLocalError)
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def count(low, high, step):
    total = 0
    for _ in range(low, high, step):
        total += 1
    return total


def last_value(n):
    for value in range(n):
        pass
    return value


for low, high, step in [(0, 0, 1), (5, 5, 1), (5, 0, 1), (0, 10, -1), (-3, -3, -1), (0, 1, 1)]:
    show(count, low, high, step)
show(last_value, 3)
show(last_value, 0)
show(last_value, -5)
