# Checks: doubly recursive calls through the module globals, int and float arguments
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_float(x):
    if x < 2.0:
        return x
    return fib_float(x - 1.0) + fib_float(x - 2.0)


for n in [0, 1, 2, 10, 18, -3]:
    show(fib, n)
for x in [0.5, 10.0, 12.25, -1.0]:
    show(fib_float, x)
show(fib, 10.0)
show(fib, True)
