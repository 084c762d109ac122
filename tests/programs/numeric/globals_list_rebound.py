# Checks: a global list read and appended to by numeric functions, replaced between calls
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

TABLE = [1, 2, 3]


def lookup_total(n):
    total = 0
    for i in range(n):
        total += TABLE[i % len(TABLE)]
    return total


def extend(value):
    TABLE.append(value)
    return len(TABLE)


show(lookup_total, 10)
show(extend, 0.5)
show(lookup_total, 10)
TABLE = [2**63, -1]
show(lookup_total, 3)
TABLE = []
show(lookup_total, 3)
show(lookup_total, 0)
