# Checks: recursive gcd and fast power on ints past 64 bits
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def gcd(a, b):
    if b == 0:
        return abs(a)
    return gcd(b, a % b)


def power(base, exponent):
    if exponent == 0:
        return 1
    half = power(base, exponent // 2)
    if exponent % 2 == 0:
        return half * half
    return half * half * base


for a, b in [(48, 18), (-48, 18), (2**64, 2**40 * 3), (3**50, 3**45 * 2), (0, 5),
             (2**63 - 1, 2**62 - 1), (12.5, 5.0)]:
    show(gcd, a, b)
for base, exponent in [(2, 62), (2, 63), (3, 41), (-2, 63), (10, 25), (1.5, 40), (2.0, 1100)]:
    show(power, base, exponent)
