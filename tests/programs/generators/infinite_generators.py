# Checks: infinite generators consumed with itertools.islice, takewhile and zip.
import itertools


def naturals():
    n = 0
    while True:
        yield n
        n += 1


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print(list(itertools.islice(fibonacci(), 15)))
print(list(itertools.takewhile(lambda n: n < 50, (n * n for n in naturals()))))
print(list(zip("abc", naturals())), next(n for n in naturals() if n * n > 200))


def primes():
    found = []
    for candidate in itertools.count(2):
        if all(candidate % p for p in found):
            found.append(candidate)
            yield candidate


print(list(itertools.islice(primes(), 20)))
