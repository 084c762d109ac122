# Checks: True + True is 2; bool operands of arithmetic give ints or floats
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def arithmetic(a, b):
    return a + b, a - b, a * b


def divisions(a, b):
    return a / b, a // b, a % b


def power(a, b):
    return a ** b


for a, b in [(True, True), (True, False), (False, True), (True, 2), (True, 2.5), (3, True),
             (-1.5, True)]:
    show(arithmetic, a, b)
    show(divisions, a, b)
    show(power, a, b)
show(divisions, True, False)
show(power, False, -1)
