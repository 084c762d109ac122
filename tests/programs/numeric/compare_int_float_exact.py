# Checks: int against float comparisons are exact: 2**53 + 1 != float(2**53 + 1), int64 edges
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def compare(a, b):
    return a < b, a <= b, a == b, a != b, a > b, a >= b


def same_after_conversion(n):
    return n == float(n)


pairs = [(2**53 + 1, float(2**53 + 1)), (2**53, float(2**53)), (2**53 + 1, 2.0**53),
         (2**63 - 1, 2.0**63), (2**63, 2.0**63), (-2**63, -2.0**63), (-2**63 - 1, -2.0**63),
         (2**64 + 1, 2.0**64), (1, 1.0), (0, -0.0), (3, 2.9999999999999996), (10**16 + 1, 1e16)]
for a, b in pairs:
    show(compare, a, b)
    show(compare, b, a)
for n in [2**53, 2**53 + 1, 2**53 + 2, 2**63 - 1, 2**63, -(2**53 + 1), 10**20, 10**22, 10**23]:
    show(same_after_conversion, n)
