"""Run every benchmark under CPython and under pvm, in the same run; print the time ratios.

    python3 benchmarks/run.py [--repeat N] [--pvm-option OPTION ...] [NAME ...]

Each benchmark program times its own workload (compiling and starting up are
not counted) and prints "elapsed SECONDS" last; the two outputs must agree.
The seconds are the process's CPU time (time.process_time), not wall-clock time:
the machines are shared, and other processes' load stretched wall-clock times by
up to 2.8x between runs (go under CPython: 0.5 s to 1.4 s), while CPU time moves
far less.
The geometric mean of pvm's time / CPython's time is the figure of merit.
Each side's peak memory (the largest resident size of its process, as the operating
system accounts it) is printed beside, with pvm's largest ratio to CPython's.
"""

import argparse
import math
import os
import subprocess
import sys
import tempfile

FOLDER = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(FOLDER)
# numeric.py runs the programs of numeric/, another protocol (tier 2 against Numba);
# explorer_steps.py times the stage explorer's page in a browser; object_memory.py
# measures what many objects of a kind take.
NOT_BENCHMARKS = {"run.py", "frontend.py", "startup.py", "startup_cpu.py", "operation_cost.py",
                  "numeric.py", "worlds.py", "explorer_steps.py", "object_memory.py"}


def benchmark_names():
    return sorted(name[:-3] for name in os.listdir(FOLDER)
                  if name.endswith(".py") and name not in NOT_BENCHMARKS)


# Each measured command is started by a small python that waits for it and reports its
# resource use (on a line of its own at the end of stderr).  Started by the caller itself,
# a child's peak resident size counts the caller's (Linux keeps the larger across the
# exec that follows the fork), so a large caller, such as a test process, hid both
# sides' figures behind its own.
_SPAWNER = """\
import os, sys
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ)
_, status, usage = os.wait4(pid, 0)
sys.stderr.write("\\npeak-kib %d\\n" % usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status) & 0xFF)
"""


def timed_run(command):
    """(the lines the command printed but the last, the seconds the last says, the
    process's peak memory in MiB)."""
    with tempfile.TemporaryFile() as output, tempfile.TemporaryFile() as errors:
        returncode = subprocess.call([sys.executable, "-I", "-S", "-c", _SPAWNER, *command],
                                     stdout=output, stderr=errors, cwd=REPOSITORY)
        output.seek(0)
        errors.seek(0)
        stdout, stderr = output.read().decode(), errors.read().decode()
    stderr, _, peak = stderr.rpartition("\npeak-kib ")
    if returncode != 0 or not peak:
        raise RuntimeError("%s failed:\n%s" % (" ".join(command), stderr))
    lines = stdout.splitlines()
    if not lines or not lines[-1].startswith("elapsed "):
        raise RuntimeError("%s printed no elapsed time" % " ".join(command))
    return lines[:-1], float(lines[-1].split()[1]), int(peak) / 1024


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
    memory_ratios = []
    print("%-18s %10s %10s %8s %12s %10s %8s" % ("benchmark", "cpython s", "pvm s", "ratio",
                                                "cpython MiB", "pvm MiB", "ratio"))
    for name in names:
        path = os.path.join(FOLDER, name + ".py")
        host_times, pvm_times, host_memory, pvm_memory = [], [], [], []
        for _ in range(arguments.repeat):
            host_output, host_time, host_peak = timed_run([sys.executable, path])
            pvm_output, pvm_time, pvm_peak = timed_run([sys.executable, "-m", "pvm",
                                                        *arguments.pvm_option, path])
            if host_output != pvm_output:
                raise RuntimeError("%s: pvm printed %r, CPython %r" % (name, pvm_output,
                                                                     host_output))
            host_times.append(host_time)
            pvm_times.append(pvm_time)
            host_memory.append(host_peak)
            pvm_memory.append(pvm_peak)
        ratio = min(pvm_times) / min(host_times)
        ratios.append(ratio)
        memory_ratio = max(pvm_memory) / max(host_memory)
        memory_ratios.append((memory_ratio, name))
        print("%-18s %10.4f %10.4f %8.1f %12.1f %10.1f %8.1f"
              % (name, min(host_times), min(pvm_times), ratio, max(host_memory),
                 max(pvm_memory), memory_ratio), flush=True)
    geometric_mean = math.exp(sum(math.log(ratio) for ratio in ratios) / len(ratios))
    print("geometric mean of pvm / CPython: %.1fx" % geometric_mean)
    print("largest peak memory of pvm / CPython: %.1fx (%s)" % max(memory_ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
