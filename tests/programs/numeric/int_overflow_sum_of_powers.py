# Checks: sums of squares and cubes in loops that pass 2**63 part way
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

def sum_of_squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def sum_of_cubes(low, high):
    total = 0
    for i in range(low, high):
        total += i * i * i
    return total


def alternating_sum_of_cubes(low, high):
    total = 0
    sign = 1
    for i in range(low, high):
        total += sign * i * i * i
        sign = -sign
    return total


show(sum_of_squares, 1000)
show(sum_of_cubes, 0, 100)
show(sum_of_cubes, 2**20, 2**20 + 40)
show(sum_of_cubes, 2**21, 2**21 + 5)
show(sum_of_cubes, -2**21 - 5, -2**21)
show(alternating_sum_of_cubes, 2**21, 2**21 + 6)
show(alternating_sum_of_cubes, -100, 100)
