# Checks: for-else and while-else: the else runs only when no break left the loop
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def find_divisor(n):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        return 0
    return d


def first_square_at_least(limit):
    i = 0
    while i * i < limit:
        i += 1
    else:
        return i
    return -1


for n in [2, 9, 97, 91, 7919, 2**64]:
    show(find_divisor, n)
for limit in [0, 10, 2**40]:
    show(first_square_at_least, limit)
