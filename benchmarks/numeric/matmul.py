"""The product of two pseudo-random n x n matrices of floats, kept row by row in flat
lists; its trace and a weighted sum of its elements.

A tier 2 kernel: lists of floats indexed i * n + j, a linear congruential generator in
ints that stay below 2**62, int-to-float true division. Run as `python3 matmul.py [N]`;
see benchmarks/numeric.py.
"""

import sys
import time

KERNELS = ("random_matrix", "multiply", "matmul")
SIZE = 170  # CPython's kernel run: about half a second


def random_matrix(n, seed):
    """An n x n matrix of floats in [-1, 1), from a linear congruential generator."""
    values = [0.0] * (n * n)
    state = seed
    for i in range(n * n):
        state = (state * 1103515245 + 12345) % 2147483648
        values[i] = state / 1073741824 - 1.0
    return values


def multiply(a, b, n):
    product = [0.0] * (n * n)
    for i in range(n):
        for k in range(n):
            a_ik = a[i * n + k]
            for j in range(n):
                product[i * n + j] += a_ik * b[k * n + j]
    return product


def matmul(n):
    """(the trace of a b, the sum of its elements each weighted by its row)."""
    product = multiply(random_matrix(n, 1), random_matrix(n, 2), n)
    trace = 0.0
    weighted = 0.0
    for i in range(n):
        trace += product[i * n + i]
        for j in range(n):
            weighted += (i + 1) * product[i * n + j]
    return trace, weighted


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else SIZE
    print("trace %r, weighted sum %r" % matmul(n))
    start = time.process_time()
    result = matmul(n)
    print("kernel-seconds: %.6f" % (time.process_time() - start), file=sys.stderr)
    # The timed run's result too: a steady state that computes wrong must not go unseen.
    print("trace %r, weighted sum %r" % result)


if __name__ == "__main__":
    main()
