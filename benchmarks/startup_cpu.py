"""Start-up CPU time of the pvm command against python3's, warm caches, in one run.

    python3 benchmarks/startup_cpu.py [--runs N] [--against CHECKOUT]

Runs, in turn (pvm, then python3, N times each after one warm-up run of each), three
commands on both: ``-c pass``, ``-S -c pass`` and a program importing the 40 modules of
benchmarks/startup.py.  pvm is run as its command, the launcher that a pvm program's
``sys.executable`` names (the host started with ``-I -S``: it reads no PYTHON*
variable for itself and runs no site of its own; pvm runs the guest's); python3 is the
host binary itself.  CPU is user + system of the whole process (``os.wait4``).  Prints
each side's median and the median of the per-pair ratios.  The caches are the usual
ones (``__pycache__`` folders, pvm's kept programs), written by the warm-up runs;
PYTHONDONTWRITEBYTECODE is taken out of the environment so that they are.

With ``--against``, the pvm of another checkout (a folder holding a ``pvm`` package:
``git archive main | tar -x -C FOLDER``) runs in each turn too, and the median of the
per-turn ratios of this pvm to that one is printed: an A/B measurement of a change,
both sides under the same load, which of the two runs first changing from turn to
turn.  Where the two write cache files of different magic numbers (a change of the
cache's form), each would rewrite the other's at every run: each pvm then keeps its
caches in a folder of its own (PYTHONPYCACHEPREFIX, a temporary folder), which the
warm-up turn fills.

With ``--cold``, every run of every side starts from an empty cache folder of its own
(PYTHONPYCACHEPREFIX, which pvm honours for its guest's cache files, kept programs and
patterns, and python3 for its .pyc files; pvm's own host modules stay cached): a cold
start, of the program importing the 40 modules only.
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

from pvm.cache import MAGIC_NUMBER  # noqa: E402
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
    parser.add_argument("--against", metavar="CHECKOUT",
                        help="another checkout's pvm, run in each turn too")
    parser.add_argument("--cold", action="store_true",
                        help="each run with empty caches (the 40 imports only)")
    arguments = parser.parse_args(argv)
    host = os.path.realpath(sys.executable)
    pvm = launcher.launcher(host)
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    other = None
    separate_caches = False
    if arguments.against is not None:
        # Its own launcher, which starts the host on that checkout's pvm package.
        other, other_magic = subprocess.run(
            [host, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
             "from pvm.world import launcher; from pvm.cache import MAGIC_NUMBER; "
             "print(launcher.launcher(sys.argv[2])); print(MAGIC_NUMBER.hex())",
             os.path.abspath(arguments.against), host],
            capture_output=True, text=True, check=True, env=environment,
            cwd=tempfile.gettempdir()).stdout.split()
        separate_caches = other_magic != MAGIC_NUMBER.hex()
    with tempfile.TemporaryDirectory() as folder:
        environments = [environment] * 3
        if separate_caches:
            print("(the two pvms' cache files differ: each keeps its own)")
            environments = [
                dict(environment, PYTHONPYCACHEPREFIX=os.path.join(folder, "this")),
                environment,
                dict(environment, PYTHONPYCACHEPREFIX=os.path.join(folder, "other"))]
        program = os.path.join(folder, "imports.py")
        with open(program, "w") as file:
            file.write(PROGRAM)
        cases = [("-c pass", ["-c", "pass"]), ("-S -c pass", ["-S", "-c", "pass"]),
                 ("40 imports", [program])]
        if arguments.cold:
            cases = [("40 imports", [program])]
        heading = "%-12s %10s %10s %8s" % ("command", "pvm s", "python3 s", "ratio")
        if other is not None:
            heading += " %10s %8s %10s" % ("other s", "ratio", "pvm/other")
        print(heading)
        for name, options in cases:
            sides = [pvm, host] if other is None else [pvm, host, other]
            times = [[] for _ in sides]
            for turn in range(arguments.runs + 1):
                # With --against, every other turn runs the two pvms in the other order:
                # the one run first in a turn measured some 3.5% more CPU for -S -c pass
                # whichever checkout it was (each checkout against the other).
                order = list(range(len(sides)))
                if other is not None and turn % 2:
                    order.reverse()
                turn_times = [0.0] * len(sides)
                for index in order:
                    environment_of_run = environments[index]
                    if arguments.cold:
                        environment_of_run = dict(environment_of_run, PYTHONPYCACHEPREFIX=(
                            tempfile.mkdtemp(prefix="cold-", dir=folder)))
                    turn_times[index] = cpu_seconds([sides[index], *options],
                                                    environment_of_run)
                if turn:        # the first turn warms the caches (and pvm's own)
                    for side_times, seconds in zip(times, turn_times):
                        side_times.append(seconds)
            line = "%-12s %10.3f %10.3f %7.2fx" % (name, statistics.median(times[0]),
                                                   statistics.median(times[1]),
                                                   _median_ratio(times[0], times[1]))
            if other is not None:
                line += " %10.3f %7.2fx %10.3f" % (statistics.median(times[2]),
                                                   _median_ratio(times[2], times[1]),
                                                   _median_ratio(times[0], times[2]))
            print(line)
    return 0


def _median_ratio(mine, theirs):
    """The median of the per-turn ratios of two sides' times."""
    ratios = [first / second for first, second in zip(mine, theirs) if second]
    return statistics.median(ratios) if ratios else float("nan")


if __name__ == "__main__":
    sys.exit(main())
