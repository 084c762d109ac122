"""The price of a world's limits: each benchmark run in a ``pvm.World`` with no limit
and with limits (instructions and seconds, never reached: instructions are counted,
and calls and some operators run behind a check of the time what they make takes),
in the same run.

    python3 benchmarks/worlds.py [--repeat N] [--memory] [--restricted]
                                 [--base plain|limited] [NAME ...]

``--memory`` adds a memory limit (never reached), under which the same checks also
look at the room what they make takes; ``--restricted`` compares a world given
``imports`` and ``files`` (everything allowed) with one given neither, with no limit:
the price of the attribute guard.  ``--base limited`` compares with a world limited in
instructions and seconds, not an unlimited one (with ``--memory``: the price of the
memory limit alone).  The two kinds of run take turns.  Prints each
benchmark's time limited / unlimited and their geometric mean.  The times are the
programs' own (CPU time of their workload, as benchmarks/run.py's).
"""

import argparse
import math
import os
import subprocess
import sys

from run import FOLDER, REPOSITORY, benchmark_names

NOT_HERE = {"worlds"}
_RUNNER = """\
import io, sys
import pvm
limits = {"plain": {}, "limited": dict(instructions=10**15, seconds=10**6),
          "memory": dict(instructions=10**15, seconds=10**6, memory=2**50),
          "restricted": dict(imports=sys.stdlib_module_names, files=["/"])}[sys.argv[2]]
output = io.StringIO()
world = pvm.World(stdout=output, argv=[sys.argv[1]], **limits)
with open(sys.argv[1]) as file:
    world.run(file.read(), sys.argv[1])
print(output.getvalue().splitlines()[-1])
"""


def elapsed(path, kind):
    result = subprocess.run([sys.executable, "-c", _RUNNER, path, kind], capture_output=True,
                            text=True, cwd=REPOSITORY, timeout=3600)
    if result.returncode or not result.stdout.startswith("elapsed "):
        raise RuntimeError("%s (%s) failed:\n%s" % (path, kind, result.stderr))
    return float(result.stdout.split()[1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--memory", action="store_true", help="limit the memory too")
    parser.add_argument("--restricted", action="store_true",
                        help="compare a world given imports and files with one given none")
    parser.add_argument("--base", choices=("plain", "limited"), default="plain",
                        help="the world compared with (default: one with no limit)")
    arguments = parser.parse_args(argv)
    names = arguments.names or [name for name in benchmark_names() if name not in NOT_HERE]
    kind = "restricted" if arguments.restricted else \
        "memory" if arguments.memory else "limited"
    ratios = []
    print("%-18s %12s %12s %8s" % ("benchmark", arguments.base + " s", kind + " s", "ratio"))
    for name in names:
        path = os.path.join(FOLDER, name + ".py")
        base_times, times = [], []
        for _ in range(arguments.repeat):
            base_times.append(elapsed(path, arguments.base))
            times.append(elapsed(path, kind))
        base, limited = min(base_times), min(times)
        ratios.append(limited / base)
        print("%-18s %12.4f %12.4f %8.2f" % (name, base, limited, limited / base), flush=True)
    mean = math.exp(sum(math.log(ratio) for ratio in ratios) / len(ratios))
    print("geometric mean of %s / %s: %.2fx" % (kind, arguments.base, mean))
    return 0


if __name__ == "__main__":
    sys.exit(main())
