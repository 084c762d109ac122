# Checks: 0.0 ** negative is ZeroDivisionError; x ** 0 is 1.0 even for nan; 1 ** nan is 1.0
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

INF = float("inf")
NAN = float("nan")


def power(a, b):
    return a ** b


for a, b in [(0.0, -1), (0.0, -1.0), (-0.0, -1), (-0.0, -2.0), (0, -1), (0, -2.5), (0.0, 0),
             (0.0, 0.0), (0, 0), (NAN, 0), (NAN, 0.0), (1, NAN), (1.0, NAN), (INF, 0),
             (-0.0, 3), (-0.0, 3.0), (-0.0, 2), (0.0, INF), (0.0, -INF), (-0.0, 0.5),
             (INF, -1), (-INF, 3), (-INF, -3), (-INF, 0.5), (-1.0, INF), (0.5, -INF)]:
    show(power, a, b)
