# Checks: factorials and Fibonacci numbers computed in loops grow past 64 bits exactly
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

def factorial(n):
    result = 1
    for value in range(2, n + 1):
        result *= value
    return result


def fibonacci(n):
    a = 0
    b = 1
    for _ in range(n):
        a, b = b, a + b
    return a


def lucas_difference(n):
    # Big intermediates, small result: F(n+1) * F(n-1) - F(n)**2 is (-1)**n.
    return fibonacci(n + 1) * fibonacci(n - 1) - fibonacci(n) * fibonacci(n)


for n in [0, 1, 5, 20, 21, 25, 34]:
    show(factorial, n)
for n in [0, 1, 2, 50, 90, 92, 93, 100, 150]:
    show(fibonacci, n)
for n in [10, 91, 92, 93, 94, 120]:
    show(lucas_difference, n)
