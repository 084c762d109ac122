# Checks: int and float operands mixed: the int converts, huge ints raise OverflowError
# python-options: -X tier=2 -X jit-threshold=0


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


def multiply(a, b):
    return a * b


def subtract(a, b):
    return a - b


for a, b in [(1, 0.5), (2**53 + 1, 0.0), (2**53 + 1, 1.0), (10**308, 1.0), (10**309, 1.0),
             (-10**400, 0.5), (True, 0.25), (2**63, -1.0), (0, -0.0), (-0, -0.0), (7, 1e308),
             (10**400, float("inf")), (3, float("nan"))]:
    show(add, a, b)
    show(multiply, a, b)
    show(subtract, b, a)
