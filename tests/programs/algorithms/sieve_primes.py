# Checks: prime sieve, factorisation and a prime-counting summary.
def primes_up_to(limit):
    is_prime = bytearray([1]) * (limit + 1)
    is_prime[0:2] = b"\x00\x00"
    for n in range(2, int(limit ** 0.5) + 1):
        if is_prime[n]:
            is_prime[n * n::n] = bytearray(len(range(n * n, limit + 1, n)))
    return [n for n in range(limit + 1) if is_prime[n]]


def factorise(n):
    factors = []
    divisor = 2
    while divisor * divisor <= n:
        while n % divisor == 0:
            factors.append(divisor)
            n //= divisor
        divisor += 1
    if n > 1:
        factors.append(n)
    return factors


primes = primes_up_to(1000)
print(len(primes), primes[:10], primes[-3:])
print([factorise(n) for n in (1, 2, 12, 97, 360, 1001, 2 ** 10 * 3 ** 4)])
