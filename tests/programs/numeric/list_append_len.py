# Checks: append in loops and len as it grows: primes by trial division
# python-options: -X tier=2 -X jit-threshold=0


def show(function, *arguments):
    # The call and its result, or the exception it raised: caught here, outside the
    # numeric function, which must raise exactly what CPython raises.
    try:
        result = repr(function(*arguments))
    except Exception as error:
        result = "%s: %s" % (type(error).__name__, error)
    print("%s%r -> %s" % (function.__name__, arguments, result))

def primes_below(limit):
    primes = [2]
    candidate = 3
    while candidate < limit:
        is_prime = True
        i = 0
        while i < len(primes) and primes[i] * primes[i] <= candidate:
            if candidate % primes[i] == 0:
                is_prime = False
                break
            i += 1
        if is_prime:
            primes.append(candidate)
        candidate += 2
    return primes


def count_and_last(limit):
    primes = primes_below(limit)
    return len(primes), primes[-1]


show(primes_below, 50)
show(count_and_last, 3000)
show(count_and_last, 3)
