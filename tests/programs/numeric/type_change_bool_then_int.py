# Checks: a function called with bools, then ints, then floats: results change type with the arguments
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def combine(a, b):
    return a + b, a * b, a & 1, a > b


for a, b in [(True, False), (True, True), (False, False)]:
    show(combine, a, b)
for a, b in [(1, 0), (3, 2), (2**63 - 1, 1)]:
    show(combine, a, b)
show(combine, 1.5, True)
