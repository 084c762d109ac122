"""Fannkuch-redux: over every permutation of 0..n-1, flip the first k + 1 items (k the
first item) until 0 leads; the largest flip count and a signed checksum.

A tier 2 kernel: lists of ints swapped through tuples, `while` loops, early return of a
tuple. Run as `python3 fannkuch.py [N]`; see benchmarks/numeric.py.
"""

import sys
import time

KERNELS = ("count_flips", "fannkuch")
SIZE = 9  # CPython's kernel run: about a second


def count_flips(permutation, scratch, n):
    """Flips until the first item is 0, on a copy (`scratch`) of `permutation`."""
    for i in range(n):
        scratch[i] = permutation[i]
    flips = 0
    first = scratch[0]
    while first != 0:
        low = 0
        high = first
        while low < high:
            scratch[low], scratch[high] = scratch[high], scratch[low]
            low += 1
            high -= 1
        flips += 1
        first = scratch[0]
    return flips


def fannkuch(n):
    """(checksum, most flips) over the permutations in the benchmarks game's order."""
    permutation = [0] * n
    for i in range(n):
        permutation[i] = i
    scratch = [0] * n
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        flips = count_flips(permutation, scratch, n)
        max_flips = max(max_flips, flips)
        checksum += sign * flips
        sign = -sign
        # The next permutation: rotate the first r + 1 items left, carrying as a counter.
        while True:
            if r == n:
                return checksum, max_flips
            first = permutation[0]
            for i in range(r):
                permutation[i] = permutation[i + 1]
            permutation[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else SIZE
    print("checksum %d, most flips %d" % fannkuch(size))
    start = time.process_time()
    result = fannkuch(size)
    print("kernel-seconds: %.6f" % (time.process_time() - start), file=sys.stderr)
    # The timed run's result too: a steady state that computes wrong must not go unseen.
    print("checksum %d, most flips %d" % result)


if __name__ == "__main__":
    main()
