# Checks: a sieve of Eratosthenes over a list of ints; counts and sums of primes
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def sieve(limit):
    is_prime = [1] * limit
    if limit > 0:
        is_prime[0] = 0
    if limit > 1:
        is_prime[1] = 0
    factor = 2
    while factor * factor < limit:
        if is_prime[factor]:
            for multiple in range(factor * factor, limit, factor):
                is_prime[multiple] = 0
        factor += 1
    return is_prime


def count_and_sum(limit):
    flags = sieve(limit)
    count = 0
    total = 0
    for number in range(limit):
        if flags[number]:
            count += 1
            total += number
    return count, total


for limit in [0, 1, 2, 3, 30, 1000, 20000]:
    show(count_and_sum, limit)
