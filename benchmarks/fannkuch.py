"""Fannkuch: permutations of a small list, counting pancake flips (list slicing, loops)."""

import sys
import time


def fannkuch(n):
    count = list(range(1, n + 1))
    max_flips = 0
    m = n - 1
    r = n
    check = 0
    permutation = list(range(n))
    permutation1 = list(range(n))
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        if permutation1[0] != 0 and permutation1[m] != m:
            permutation = permutation1[:]
            flips = 0
            k = permutation[0]
            while k:
                permutation[:k + 1] = permutation[k::-1]
                flips += 1
                k = permutation[0]
            if flips > max_flips:
                max_flips = flips
        check += 1
        while r != n:
            permutation1.insert(r, permutation1.pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        else:
            return max_flips, check


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    start = time.process_time()
    print(fannkuch(size))
    print("elapsed", time.process_time() - start)
