"""A float reduction through `math`: the sum of a damped wave, its largest term and
where that is, and a count of floors.

A tier 2 kernel: math.sin, cos, exp, log, sqrt, floor and fabs, abs, min and max of two
floats, int(x) and float(n) conversions. Run as `python3 float_reduction.py [N]`; see
benchmarks/numeric.py.
"""

import math
import sys
import time

KERNELS = ("term", "reduce_terms")
TERMS = 600000  # CPython's kernel run: about half a second


def term(x):
    damped = math.sin(x) * math.exp(-0.0001 * x)
    return damped + math.sqrt(x) * math.cos(3.0 * x) / (1.0 + math.log(1.0 + x))


def reduce_terms(count):
    """(the sum of `count` terms, the largest term, its index, the sum of the floors)."""
    total = 0.0
    largest = -math.inf
    largest_index = -1
    floors = 0
    for i in range(count):
        x = float(i) * 0.001
        value = term(x)
        total += value
        if value > largest:
            largest_index = i
        largest = max(largest, value)
        floors += int(math.floor(value))
        total -= 1e-9 * math.fabs(min(value, abs(x - 1.0)))
    return total, largest, largest_index, floors


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else TERMS
    print("sum %r, largest %r at %d, floors %d" % reduce_terms(count))
    start = time.process_time()
    result = reduce_terms(count)
    print("kernel-seconds: %.6f" % (time.process_time() - start), file=sys.stderr)
    # The timed run's result too: a steady state that computes wrong must not go unseen.
    print("sum %r, largest %r at %d, floors %d" % result)


if __name__ == "__main__":
    main()
