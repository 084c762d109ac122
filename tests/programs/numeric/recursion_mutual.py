# Checks: mutually recursive functions calling each other through the module globals
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def hofstadter_female(n):
    if n == 0:
        return 1
    return n - hofstadter_male(hofstadter_female(n - 1))


def hofstadter_male(n):
    if n == 0:
        return 0
    return n - hofstadter_female(hofstadter_male(n - 1))


for n in [0, 1, 10, 99, 300]:
    show(is_even, n)
    show(is_odd, n)
for n in [0, 5, 20, 40]:
    show(hofstadter_female, n)
    show(hofstadter_male, n)
