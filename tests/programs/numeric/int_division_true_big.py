# Checks: int / int true division with operands past 64 bits (correctly rounded; overflow)
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def divide(a, b):
    return a / b


for a, b in [(10**30, 10**10), (2**53 + 1, 1), (2**64 + 1, 2), (10**400, 10**399),
             (1, 10**400), (-1, 10**400), (10**400, 1), (-10**400, 3), (2**1000 + 1, 2**1000),
             (3**300, 2**470), (2**1100, 2**75), (2**1024, 2), (2**1024 - 2**970, 1),
             (2**1024 - 2**970 - 1, 1), (10**20, -3), (-(2**63), 2**63), (1, 2**1074),
             (1, 2**1075), (3, 2**1076)]:
    show(divide, a, b)
