"""Start-up CPU time of the pvm command against python3's, warm caches, in one run.

    python3 benchmarks/startup_cpu.py [--runs N]

Runs, in turn (pvm, then python3, N times each after one warm-up run of each), three
commands on both: ``-c pass``, ``-S -c pass`` and a program importing the 40 modules of
benchmarks/startup.py.  pvm is run as its command, the launcher that a pvm program's
``sys.executable`` names (the host started with ``-I -S``: it reads no PYTHON*
variable for itself and runs no site of its own; pvm runs the guest's); python3 is the
host binary itself.  CPU is user + system of the whole process (``os.wait4``).  Prints
each side's median and the median of the per-pair ratios.  The caches are the usual
ones (``__pycache__`` folders, pvm's kept programs), written by the warm-up runs;
PYTHONDONTWRITEBYTECODE is taken out of the environment so that they are.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPOSITORY)
sys.path.insert(0, os.path.join(REPOSITORY, "benchmarks"))

from pvm.world import launcher  # noqa: E402
from startup import PROGRAM  # noqa: E402


def cpu_seconds(command, environment):
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    errors = process.stderr.read()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError("%s failed:\n%s" % (" ".join(command), errors.decode()))
    return usage.ru_utime + usage.ru_stime


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    arguments = parser.parse_args(argv)
    host = os.path.realpath(sys.executable)
    pvm = launcher.launcher(host)
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        program = os.path.join(folder, "imports.py")
        with open(program, "w") as file:
            file.write(PROGRAM)
        cases = [("-c pass", ["-c", "pass"]), ("-S -c pass", ["-S", "-c", "pass"]),
                 ("40 imports", [program])]
        print("%-12s %10s %10s %8s" % ("command", "pvm s", "python3 s", "ratio"))
        for name, options in cases:
            pvm_times, host_times = [], []
            for turn in range(arguments.runs + 1):
                pvm_time = cpu_seconds([pvm, *options], environment)
                host_time = cpu_seconds([host, *options], environment)
                if turn:        # the first turn warms the caches
                    pvm_times.append(pvm_time)
                    host_times.append(host_time)
            ratios = [mine / theirs for mine, theirs in zip(pvm_times, host_times) if theirs]
            print("%-12s %10.3f %10.3f %7.2fx" % (
                name, statistics.median(pvm_times), statistics.median(host_times),
                statistics.median(ratios) if ratios else float("nan")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
