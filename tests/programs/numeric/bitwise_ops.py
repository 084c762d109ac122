# Checks: & | ^ ~ on negative, int64-edge and huge ints
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def operations(a, b):
    return a & b, a | b, a ^ b, ~a


for a, b in [(12, 10), (-12, 10), (-1, 2**63 - 1), (-2**63, -1), (2**63 - 1, -2**63),
             (2**64 + 5, 2**64 - 1), (-(2**70), 2**70 - 1), (0, -1), (2**63, 2**63)]:
    show(operations, a, b)
