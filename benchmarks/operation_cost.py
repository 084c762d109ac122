"""What one guest operation costs, in host machine instructions, under pvm and CPython.

    python3 benchmarks/operation_cost.py [--loops N] [OPERATION ...]

Times on the shared machines move by 20% and more between runs; counts of executed
machine instructions do not. Each operation below is a loop of N turns (default 5000)
and of 2N turns, run under valgrind's instruction counter (``cachegrind`` without its
cache simulation; Debian package ``valgrind``) with a fixed hash seed; the difference,
divided by N, is what one turn costs, start-up and the one-off work of a hot loop
(joining its runs) cancelled out. The empty loop's cost is taken off the others, so each
figure is the operation alone. The same is done with CPython, and the ratio printed.

A figure is host instructions, not time: a cache miss or a mispredicted branch costs more
than one instruction. It is the measure to compare two versions of pvm's loop by, on a
noisy machine, before and after a change; benchmarks/run.py stays the judge of speed.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SETUP = """\
import sys
class Base:
    def method(self):
        return 1
class Middle(Base):
    pass
class Leaf(Middle):
    pass
class WithInit:
    def __init__(self, value):
        self.value = value
def function():
    return 1
def generator(count):
    for number in range(count):
        yield number
def closure_maker():
    return lambda: 1
"""

# Each operation: the statement one loop turn runs (``item`` is the loop variable,
# ``leaf`` an instance of Leaf), or, for a whole loop, a template with {count}.
OPERATIONS = {
    "empty": "pass",
    "call": "function()",
    "method": "leaf.method()",
    "construct": "WithInit(item)",
    "attribute": "leaf.method",
    "closure": "closure_maker()",
    "generator": None,              # one item of a guest generator, in a for loop
}

PROGRAM = SETUP + """
def main(count):
    leaf = Leaf()
    for item in range(count):
        {statement}
main(int(sys.argv[1]))
"""

GENERATOR_PROGRAM = SETUP + """
def main(count):
    for item in generator(count):
        pass
main(int(sys.argv[1]))
"""


def source_of(operation):
    statement = OPERATIONS[operation]
    if statement is None:
        return GENERATOR_PROGRAM
    return PROGRAM.format(statement=statement)


def instructions(command, environment):
    """Machine instructions the command executes, as valgrind counts them."""
    result = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
        + command, capture_output=True, text=True, cwd=REPOSITORY, env=environment)
    if result.returncode != 0:
        raise RuntimeError("%s failed:\n%s" % (" ".join(command), result.stderr[-2000:]))
    match = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    return int(match.group(1).replace(",", ""))


def per_turn(interpreter, path, loops, environment):
    # A run first, uncounted: pvm keeps the hot runs it joins, the programs it compiled
    # and the modules it imported on disk, and the counted runs must all find them
    # there.  Then runs of each length in turn, each length's count the fewest of
    # three: a run that paid a one-off cost (a cache that another process, such as a
    # test running beside this one, wrote meanwhile) counts more, never less, and
    # taking turns, a while of such runs does not fall on the runs of one length.
    subprocess.run(interpreter + [path, str(loops)], check=True, cwd=REPOSITORY,
                   capture_output=True, env=environment)
    counts = {loops: [], 2 * loops: []}
    for _ in range(3):
        for turns in counts:
            counts[turns].append(instructions(interpreter + [path, str(turns)], environment))
    return (min(counts[2 * loops]) - min(counts[loops])) / loops


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("operations", nargs="*", metavar="OPERATION",
                        help="some of: %s (default: all)" % ", ".join(OPERATIONS))
    parser.add_argument("--loops", type=int, default=5000)
    arguments = parser.parse_args(argv)
    unknown = set(arguments.operations) - set(OPERATIONS)
    if unknown:
        parser.error("unknown operation: %s" % ", ".join(sorted(unknown)))
    if shutil.which("valgrind") is None:
        parser.error("valgrind is not installed (Debian: apt-get install valgrind)")
    # The real interpreter, not a wrapper script (pyenv's shims are shell scripts, and
    # valgrind would count the shell).
    host = [os.path.realpath(sys.executable)]
    interpreters = {"CPython": host + ["-S"], "pvm": host + ["-m", "pvm", "-S"]}
    names = ["empty"] + [name for name in arguments.operations or OPERATIONS
                         if name != "empty"]
    print("%-12s %12s %12s %8s" % ("operation", "CPython", "pvm", "ratio"))
    with tempfile.TemporaryDirectory() as folder:
        # The cache files of both interpreters (the host's of pvm's own modules, pvm's
        # of the modules and programs it compiled) in a folder of this run's own: in
        # the shared ones, other processes (the test suite, run in parallel) replaced
        # or pushed out this run's files between its counted runs, which then paid for
        # compiling them again (counts of 1,500 M instructions more, a turn costing
        # less than nothing).
        environment = dict(os.environ, PYTHONHASHSEED="0",
                           PYTHONPYCACHEPREFIX=os.path.join(folder, "pycache"))
        costs = {}
        for name in names:
            path = os.path.join(folder, name + ".py")
            with open(path, "w") as file:
                file.write(source_of(name))
            costs[name] = {label: per_turn(command, path, arguments.loops, environment)
                           for label, command in interpreters.items()}
            row = costs[name]
            if name != "empty" and OPERATIONS[name] is not None:
                row = {label: cost - costs["empty"][label] for label, cost in row.items()}
            print("%-12s %12.0f %12.0f %7.1fx" % (name, row["CPython"], row["pvm"],
                                                  row["pvm"] / max(row["CPython"], 1)))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
