# Checks: round(x, n) for floats and ints, with positive, zero and negative n
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def round_to(x, digits):
    return round(x, digits)


for x in [2.675, 0.125, 0.375, 1234.5678, -1234.5678, 1e300, 5e-324, -0.0, 0.5, 1.5, 2.5]:
    for digits in [-400, -3, -1, 0, 1, 2, 5, 400]:
        show(round_to, x, digits)
for n in [1250, 1350, -1250, 15, 25, 2**70, -(2**70), 0, 5]:
    for digits in [-2, -1, 0, 3]:
        show(round_to, n, digits)
