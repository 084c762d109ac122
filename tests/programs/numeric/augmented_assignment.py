# Checks: every augmented operator on ints, floats and int64 edges, in loops
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def apply_all(value, other):
    value += other
    value -= 1
    value *= other
    value //= 3
    value %= 2**70
    value **= 2
    return value


def apply_float(value, other):
    value += other
    value -= 1.5
    value *= other
    value /= 3
    value //= 0.25
    value %= 7.5
    return value


def shifts(value, count):
    value <<= count
    value >>= 1
    value &= 2**64 - 1
    value |= 1
    value ^= 2**63
    return value


for value, other in [(1, 2), (2**63 - 1, 3), (-2**63, -1), (0, 0)]:
    show(apply_all, value, other)
    show(shifts, value, 3)
for value, other in [(1.0, 2.0), (-0.0, 1.0), (1e300, 1e10), (5, 0.5)]:
    show(apply_float, value, other)
