# Checks: >> of negatives floors; shifts by 63, 64 and more; negative counts raise
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def shift_right(value, count):
    return value >> count


def halvings(value):
    steps = 0
    while value != 0 and value != -1:
        value = value >> 1
        steps += 1
    return steps, value


for value, count in [(-1, 1), (-5, 1), (-2**63, 63), (-2**63, 64), (2**63 - 1, 62),
                     (2**63 - 1, 63), (-7, 100), (2**100, 37), (5, 0), (5, -1), (-2**200, 199)]:
    show(shift_right, value, count)
for value in [2**63 - 1, -2**63, 2**64, -5, 1]:
    show(halvings, value)
