# Checks: ranges whose bounds or step pass 64 bits
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def summary(low, high, step):
    count = 0
    first = None
    last = None
    for value in range(low, high, step):
        if count == 0:
            first = value
        last = value
        count += 1
    return count, first, last


for low, high, step in [(2**63 - 3, 2**63 + 3, 1), (-2**63 - 2, -2**63 + 2, 1),
                        (0, 2**70, 2**67), (2**64, 2**64 + 10, 3), (0, 10, 2**64),
                        (2**70, 0, -2**68), (-2**100, -2**100 + 3, 1)]:
    show(summary, low, high, step)
