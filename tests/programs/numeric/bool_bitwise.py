# Checks: & | ^ of two bools give a bool; with ints they give ints; ~True is -2
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def bitwise(a, b):
    return a & b, a | b, a ^ b


def invert(a):
    return ~a


for a, b in [(True, True), (True, False), (False, False), (True, 1), (1, True), (True, 3),
             (False, -1)]:
    show(bitwise, a, b)
for a in [True, False, 0, -1]:
    show(invert, a)
