# Checks: ints past 64 bits meeting floats: conversion, rounding, and too large for a float
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


def add_float(a, x):
    return a + x


def times_half(a):
    return a * 0.5


def ratio(a, b):
    return a / b


for a in [MAX, MIN, MAX + 1, 2**64, 2**53 + 1, -(2**53 + 1), 10**308, 10**309, -10**400]:
    show(add_float, a, 1.0)
    show(add_float, a, -0.0)
    show(times_half, a)
    show(ratio, a, 3)
