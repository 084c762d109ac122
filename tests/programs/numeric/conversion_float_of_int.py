# Checks: float(n) rounds to nearest even past 2**53 and raises OverflowError past the float range
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def to_float(n):
    return float(n)


def halfway_cases(k):
    base = 2**53
    return float(base + 1), float(base + 2), float(base + 3), float(base * 2**k + 2**k // 2)


for n in [0, -0, 1, -1, True, False, 2**53, 2**53 + 1, 2**53 + 3, -(2**53 + 1), 2**63 - 1,
          -2**63, 2**64 - 1, 10**308, 2**1024 - 2**970 - 1, 2**1024 - 2**970, 2**1024, -(10**400),
          1.5]:
    show(to_float, n)
for k in [1, 5, 11, 60]:
    show(halfway_cases, k)
