"""Spectral norm of an infinite matrix (function calls, float arithmetic, generators)."""

import sys
import time


def element(i, j):
    return 1.0 / (((i + j) * (i + j + 1) >> 1) + i + 1)


def multiply(vector, transpose):
    size = len(vector)
    result = []
    for i in range(size):
        total = 0.0
        for j in range(size):
            if transpose:
                total += element(j, i) * vector[j]
            else:
                total += element(i, j) * vector[j]
        result.append(total)
    return result


def multiply_both(vector):
    return multiply(multiply(vector, False), True)


def main(size):
    u = [1.0] * size
    for _ in range(10):
        v = multiply_both(u)
        u = multiply_both(v)
    vbv = sum(a * b for a, b in zip(u, v))
    vv = sum(b * b for b in v)
    return "%.9f" % ((vbv / vv) ** 0.5)


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    start = time.process_time()
    print(main(size))
    print("elapsed", time.process_time() - start)
