# Checks: int / int true division of small operands, exact and inexact
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def divide(a, b):
    return a / b


def average(values):
    total = 0
    for value in values:
        total += value
    return total / len(values)


for a in [1, 2, 7, -7, 0, 10, 2**53, 2**53 + 1, 2**63 - 1]:
    for b in [1, 2, 3, -3, 7, 10, 1024]:
        show(divide, a, b)
show(average, [1, 2, 3, 4])
show(average, [1, 2])
show(average, [2**62, 2**62, 2**62])
show(average, [])
