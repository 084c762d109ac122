"""The sieve of Eratosthenes over a list of ints: how many primes there are below a
limit, their sum and the largest.

A tier 2 kernel: a list of ints made by `[1] * n`, stores, `range` with a step, int
sums. Run as `python3 sieve.py [LIMIT]`; see benchmarks/numeric.py.
"""

import sys
import time

KERNELS = ("sieve",)
LIMIT = 5000000  # CPython's kernel run: about half a second


def sieve(limit):
    """(primes below `limit`, their sum, the largest)."""
    is_prime = [1] * limit
    is_prime[0] = 0
    is_prime[1] = 0
    factor = 2
    while factor * factor < limit:
        if is_prime[factor]:
            for multiple in range(factor * factor, limit, factor):
                is_prime[multiple] = 0
        factor += 1
    count = 0
    total = 0
    largest = 0
    for number in range(limit):
        if is_prime[number]:
            count += 1
            total += number
            largest = number
    return count, total, largest


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else LIMIT
    print("%d primes, sum %d, largest %d" % sieve(limit))
    start = time.process_time()
    result = sieve(limit)
    print("kernel-seconds: %.6f" % (time.process_time() - start), file=sys.stderr)
    # The timed run's result too: a steady state that computes wrong must not go unseen.
    print("%d primes, sum %d, largest %d" % result)


if __name__ == "__main__":
    main()
