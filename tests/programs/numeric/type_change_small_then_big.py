# Checks: a function compiled for int64 arguments later given ints beyond 64 bits
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def combine(a, b):
    return a * b + a - b


def total_of(n):
    total = 0
    for i in range(n):
        total += i
    return total


for a in range(-3, 4):
    show(combine, a, 7)
show(combine, 2**40, 2**40)
show(combine, 2**64, 3)
show(combine, -(2**100), -(2**100))
show(combine, 5, 6)
show(total_of, 10)
show(total_of, 2**32 + 1 - 2**32)
