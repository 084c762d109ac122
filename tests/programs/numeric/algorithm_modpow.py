# Checks: modular exponentiation by squaring, moduli below and beyond 64 bits
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def modular_power(base, exponent, modulus):
    result = 1
    base = base % modulus
    while exponent > 0:
        if exponent % 2 == 1:
            result = result * base % modulus
        base = base * base % modulus
        exponent //= 2
    return result


def fermat_probable_prime(n):
    if n < 4:
        return n == 2 or n == 3
    for witness in (2, 3, 5, 7):
        if modular_power(witness, n - 1, n) != 1:
            return False
    return True


for base, exponent, modulus in [(2, 10, 1000), (3, 2**20, 2**31 - 1), (7, 2**62, 2**61 - 1),
                                (5, 10**18, 2**63 - 25), (2, 10**20, 2**89 - 1), (-3, 5, 7),
                                (4, 13, 1)]:
    show(modular_power, base, exponent, modulus)
for n in [97, 561, 2**31 - 1, 2**61 - 1, 2**61 + 1, 2**89 - 1]:
    show(fermat_probable_prime, n)
