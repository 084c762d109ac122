"""Spectral norm of the infinite matrix A(i, j) = 1 / ((i + j) (i + j + 1) / 2 + i + 1).

A tier 2 kernel: a small function called in the innermost loop, int and float
arithmetic, lists of floats filled in place. Run as `python3 spectral_norm.py [N]`; see
benchmarks/numeric.py.
"""

import math
import sys
import time

KERNELS = ("matrix_element", "multiply_a", "multiply_a_transposed", "multiply_ata",
           "spectral_norm")
SIZE = 300  # CPython's kernel run: about half a second


def matrix_element(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def multiply_a(n, vector, result):
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += matrix_element(i, j) * vector[j]
        result[i] = total


def multiply_a_transposed(n, vector, result):
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += matrix_element(j, i) * vector[j]
        result[i] = total


def multiply_ata(n, vector, result, scratch):
    multiply_a(n, vector, scratch)
    multiply_a_transposed(n, scratch, result)


def spectral_norm(n):
    u = [1.0] * n
    v = [0.0] * n
    scratch = [0.0] * n
    for _ in range(10):
        multiply_ata(n, u, v, scratch)
        multiply_ata(n, v, u, scratch)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return math.sqrt(vbv / vv)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else SIZE
    print(repr(spectral_norm(size)))
    start = time.process_time()
    result = spectral_norm(size)
    print("kernel-seconds: %.6f" % (time.process_time() - start), file=sys.stderr)
    # The timed run's result too: a steady state that computes wrong must not go unseen.
    print(repr(result))


if __name__ == "__main__":
    main()
