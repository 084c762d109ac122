# Checks: int * whose product leaves the int64 range (signs, squares, powers of two)
# python-options: -X tier=2 -X jit-threshold=0

import math

def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

MAX = 2**63 - 1   # the largest int64
MIN = -2**63      # the smallest


def multiply(a, b):
    return a * b


def square(a):
    return a * a


def product_of_range(low, high):
    product = 1
    for value in range(low, high):
        product *= value
    return product


for a, b in [(2**32, 2**31), (2**32, 2**32), (-2**32, 2**31), (-2**32, -2**31),
             (MAX, 2), (MIN, -1), (MIN, 1), (MAX, -1), (MIN, 2), (3037000499, 3037000499),
             (3037000500, 3037000500), (-3037000500, 3037000500), (0, MIN), (12345, 6789)]:
    show(multiply, a, b)
for a in [3037000499, 3037000500, -3037000500, 2**31, MAX, MIN, 1, -1, 0]:
    show(square, a)
show(product_of_range, 1, 21)
show(product_of_range, 1, 22)
show(product_of_range, 1, 30)
show(product_of_range, -25, -1)
