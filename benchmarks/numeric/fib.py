"""Fibonacci numbers by doubly recursive calls.

A tier 2 kernel: calls dominate (a small int function calling itself through the module
globals). Run as `python3 fib.py [N]`; see benchmarks/numeric.py.
"""

import sys
import time

KERNELS = ("fib",)
N = 33  # CPython's kernel run: about half a second


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else N
    print("fib(%d) = %d" % (n, fib(n)))
    start = time.process_time()
    result = fib(n)
    print("kernel-seconds: %.6f" % (time.process_time() - start), file=sys.stderr)
    # The timed run's result too: a steady state that computes wrong must not go unseen.
    print("fib(%d) = %d" % (n, result))


if __name__ == "__main__":
    main()
