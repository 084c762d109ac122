"""Unpacking tuples and lists into names, many times (UNPACK_SEQUENCE and stores)."""

import sys
import time


def unpack(loops):
    pair = (1, 2)
    triple = [1, 2, 3]
    total = 0
    for _ in range(loops):
        a, b = pair
        c, d, e = triple
        a, b = b, a
        f, *rest = triple
        total += a + b + c + d + e + f + len(rest)
    return total


if __name__ == "__main__":
    loops = int(sys.argv[1]) if len(sys.argv) > 1 else 400000
    start = time.process_time()
    print(unpack(loops))
    print("elapsed", time.process_time() - start)
