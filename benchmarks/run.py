"""Run every benchmark under CPython and under pvm, in the same run; print the time ratios.

    python3 benchmarks/run.py [--repeat N] [--pvm-option OPTION ...] [NAME ...]

Each benchmark program times its own workload (compiling and starting up are
not counted) and prints "elapsed SECONDS" last; the two outputs must agree.
The seconds are the process's CPU time (time.process_time), not wall-clock time:
the machines are shared, and other processes' load stretched wall-clock times by
up to 2.8x between runs (go under CPython: 0.5 s to 1.4 s), while CPU time moves
far less.
The geometric mean of pvm's time / CPython's time is the figure of merit.
"""

import argparse
import math
import os
import subprocess
import sys

FOLDER = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(FOLDER)
NOT_BENCHMARKS = {"run.py", "frontend.py", "startup.py", "operation_cost.py"}


def benchmark_names():
    return sorted(name[:-3] for name in os.listdir(FOLDER)
                  if name.endswith(".py") and name not in NOT_BENCHMARKS)


def timed_run(command):
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPOSITORY)
    if result.returncode != 0:
        raise RuntimeError("%s failed:\n%s" % (" ".join(command), result.stderr))
    lines = result.stdout.splitlines()
    if not lines or not lines[-1].startswith("elapsed "):
        raise RuntimeError("%s printed no elapsed time" % " ".join(command))
    return lines[:-1], float(lines[-1].split()[1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each side; the fastest counts")
    parser.add_argument("--pvm-option", action="append", default=[], metavar="OPTION",
                        help="an option for pvm only, e.g. --pvm-option=-Xtier=1 "
                             "(repeat for several)")
    arguments = parser.parse_args(argv)
    names = arguments.names or benchmark_names()
    ratios = []
    print("%-18s %10s %10s %8s" % ("benchmark", "cpython s", "pvm s", "ratio"))
    for name in names:
        path = os.path.join(FOLDER, name + ".py")
        host_times, pvm_times = [], []
        for _ in range(arguments.repeat):
            host_output, host_time = timed_run([sys.executable, path])
            pvm_output, pvm_time = timed_run([sys.executable, "-m", "pvm",
                                              *arguments.pvm_option, path])
            if host_output != pvm_output:
                raise RuntimeError("%s: pvm printed %r, CPython %r" % (name, pvm_output,
                                                                     host_output))
            host_times.append(host_time)
            pvm_times.append(pvm_time)
        ratio = min(pvm_times) / min(host_times)
        ratios.append(ratio)
        print("%-18s %10.4f %10.4f %8.1f" % (name, min(host_times), min(pvm_times), ratio),
              flush=True)
    geometric_mean = math.exp(sum(math.log(ratio) for ratio in ratios) / len(ratios))
    print("geometric mean of pvm / CPython: %.1fx" % geometric_mean)
    return 0


if __name__ == "__main__":
    sys.exit(main())
