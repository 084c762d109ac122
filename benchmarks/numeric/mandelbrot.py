"""The Mandelbrot set on a grid: escape times of points of [-1.5, 0.5] x [-1, 1].

A tier 2 kernel: float arithmetic in a loop left early by `return`, int counters, a
tuple result. Run as `python3 mandelbrot.py [SIZE]`; see benchmarks/numeric.py.
"""

import sys
import time

KERNELS = ("escape_time", "mandelbrot")
SIZE = 400  # grid points a side; CPython's kernel run: about half a second
LIMIT = 50  # iterations before a point counts as inside


def escape_time(cr, ci, limit):
    """The iterations z -> z * z + c takes to leave the circle of radius 2 (at most
    `limit`)."""
    zr = 0.0
    zi = 0.0
    for iteration in range(limit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return iteration
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return limit


def mandelbrot(size, limit):
    """(points inside, total escape time, a checksum of the escape times' positions)."""
    inside = 0
    total = 0
    checksum = 0
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            iterations = escape_time(cr, ci, limit)
            if iterations == limit:
                inside += 1
            total += iterations
            checksum = (checksum * 31 + iterations * (x + 1)) % 1000000007
    return inside, total, checksum


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else SIZE
    print("inside %d, escape time %d, checksum %d" % mandelbrot(size, LIMIT))
    start = time.process_time()
    result = mandelbrot(size, LIMIT)
    print("kernel-seconds: %.6f" % (time.process_time() - start), file=sys.stderr)
    # The timed run's result too: a steady state that computes wrong must not go unseen.
    print("inside %d, escape time %d, checksum %d" % result)


if __name__ == "__main__":
    main()
