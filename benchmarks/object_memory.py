"""The memory many live guest objects take under pvm and under CPython.

    python3 benchmarks/object_memory.py [--runs N] [CASE ...]

Cases (issue 16's): 200,000 suspended generators (``generators``: each suspended at
the yield of a one-line body; ``generators-loop``: inside a for loop over a range, with
three locals), 300,000 instances of a class with two attributes, 200,000 closures.
Each case runs in a fresh process under ``python3`` and under ``python3 -m pvm``; the
process's resident size is read (``/proc/self/statm``) before the objects are made and
once they all exist, with the collector run before each reading, and the difference is
what the objects take: the interpreter's own size, which start-up measures, stays out.
Printed per case: each side's MiB (the smallest of the runs: the resident size only
grows with the allocator's leftovers) and pvm's over CPython's.
"""

import argparse
import os
import subprocess
import sys

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Run by both interpreters: prints the growth of the resident size, in bytes.
PROGRAM = r"""
import gc, os, sys

def resident():
    gc.collect()
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

def once():
    yield 1

def counter(limit):
    total = 0
    for index in range(limit):
        total += index
        yield total

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def adder(amount):
    def add(value):
        return value + amount
    return add

case = sys.argv[1]
before = resident()
if case == "generators":
    kept = [once() for _ in range(200_000)]
    for generator in kept:
        next(generator)
elif case == "generators-loop":
    kept = [counter(10) for _ in range(200_000)]
    for generator in kept:
        next(generator)                       # suspended at its first yield
elif case == "objects":
    kept = [Point(index, -index) for index in range(300_000)]
elif case == "closures":
    kept = [adder(index) for index in range(200_000)]
print(resident() - before)
"""

CASES = ("generators", "generators-loop", "objects", "closures")


def growth(command, case):
    environment = dict(os.environ, PYTHONPATH=REPOSITORY)
    output = subprocess.run([*command, "-c", PROGRAM, case], capture_output=True, text=True,
                            check=True, env=environment, cwd=REPOSITORY).stdout
    return int(output.split()[-1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", metavar="CASE",
                        help="some of: %s (default: all)" % ", ".join(CASES))
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args(argv)
    unknown = sorted(set(arguments.cases) - set(CASES))
    if unknown:
        parser.error("no case named %s" % ", ".join(unknown))
    print("%-16s %10s %10s %7s" % ("case", "cpython", "pvm", "ratio"))
    for case in arguments.cases or CASES:
        host = min(growth([sys.executable], case) for _ in range(arguments.runs))
        pvm = min(growth([sys.executable, "-m", "pvm"], case) for _ in range(arguments.runs))
        print("%-16s %6.1f MiB %6.1f MiB %6.2fx" % (case, host / 2 ** 20, pvm / 2 ** 20,
                                                   pvm / host), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
