# Checks: an integer hash (xor-shift-multiply) whose products pass 64 bits unless masked
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

MASK = 2**64 - 1


def mixed(value):
    value ^= value >> 33
    value *= 0xff51afd7ed558ccd
    value ^= value >> 33
    return value


def masked(value):
    value ^= value >> 33
    value = (value * 0xff51afd7ed558ccd) & MASK
    value ^= value >> 33
    value = (value * 0xc4ceb9fe1a85ec53) & MASK
    value ^= value >> 33
    return value


def chain(seed, rounds):
    for _ in range(rounds):
        seed = masked(seed + 1)
    return seed


for value in [0, 1, 2**63 - 1, 2**64 - 1, 12345678901234567]:
    show(mixed, value)
    show(masked, value)
show(chain, 1, 100)
