# Checks: ints beyond 64 bits passed into numeric functions, big and small results
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

def add(a, b):
    return a + b


def scaled(a, factor):
    return a * factor


def compare(a, b):
    return a < b, a == b, a > b


def digit_count(n):
    count = 0
    if n < 0:
        n = -n
    while n > 0:
        n //= 10
        count += 1
    return count


HUGE = [2**64, -2**64, 2**100 + 1, -(3**80), 10**30, 2**64 - 1, -(2**64) + 1]
for a in HUGE:
    show(add, a, 1)
    show(add, a, -a)
    show(scaled, a, 0)
    show(scaled, a, -3)
    show(compare, a, 2**63)
    show(digit_count, a)
show(add, 2**64, 0.5)
show(scaled, 10**20, 0.25)
