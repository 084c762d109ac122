"""Which runs of instructions programs execute most: the evidence for superinstruction rows.

    python3 scripts/instruction_profile.py [--top N] [--longest L] [PROGRAM ...]

Runs each program (default: every benchmark at a small size, then a sample of the
differential program corpus) on pvm in this process, with an instrument on every
instruction (``Interpreter.instrument``), and counts each run of 2 to L instructions
executed one after the other in one frame (no jump between them).  It prints the runs
that would save the most dispatches if fused (count x (length - 1)), marking those
``pvm.engine.superinstructions`` already has, and each opcode's share of all
instructions executed.
"""

import argparse
import collections
import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPOSITORY)

from pvm import opcodes  # noqa: E402 -- after the path is set
from pvm.engine import superinstructions  # noqa: E402
from pvm.engine import interpreter as interpreter_module  # noqa: E402

# Small sizes: the profile needs the shape of the work, not its length.
BENCHMARK_ARGUMENTS = {"chaos": ["2"], "deltablue": ["4"], "go": ["1"], "hexiom": ["1"],
                       "richards": ["1"], "raytrace": ["20"], "nbody": ["2000"],
                       "spectral_norm": ["30"], "fannkuch": ["7"], "float_points": ["20000"],
                       "generators": ["20000"], "nqueens": ["6"], "unpack_sequence": ["2000"]}
CORPUS_SAMPLE = 40
PROGRAM_TIMEOUT = 600       # seconds for one program, instrumented


class Counter:
    """The instrument: counts runs of consecutive instructions."""

    def __init__(self, longest):
        self.longest = longest
        self.runs = collections.Counter()
        self.opcodes = collections.Counter()
        self.window = []
        self.previous = (None, -1)

    def __call__(self, handler, code, index, opcode, operand):
        name = opcodes.OPCODES[opcode].name
        counter = self

        def counting(frame, stack, fast):
            counter.opcodes[name] += 1
            window = counter.window
            if counter.previous != (frame, index - 1):
                del window[:]
            window.append(name)
            if len(window) > counter.longest:
                del window[0]
            for start in range(len(window) - 1):
                counter.runs[tuple(window[start:])] += 1
            counter.previous = (frame, index)
            following = handler(frame, stack, fast)
            if following != index + 1:
                counter.previous = (None, -1)
            return following
        return counting


def default_programs():
    programs = []
    folder = os.path.join(REPOSITORY, "benchmarks")
    for name in sorted(BENCHMARK_ARGUMENTS):
        programs.append([os.path.join(folder, name + ".py")] + BENCHMARK_ARGUMENTS[name])
    corpus = os.path.join(REPOSITORY, "tests", "programs")
    found = []
    for root, _, names in os.walk(corpus):
        found += [os.path.join(root, name) for name in sorted(names) if name.endswith(".py")]
    step = max(1, len(found) // CORPUS_SAMPLE)
    programs += [[path] for path in sorted(found)[::step]]
    return programs


def profile(programs, longest):
    """Counts of runs and of opcodes over ``programs``, each run in a child process of
    its own (no input, a time limit), so that one program's threads, signals or exit
    cannot stop the others."""
    runs = collections.Counter()
    opcode_counts = collections.Counter()
    for program in programs:
        with tempfile.NamedTemporaryFile(suffix=".json") as output:
            try:
                subprocess.run([sys.executable, __file__, "--child", output.name,
                                "--longest", str(longest), "--"] + program,
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, timeout=PROGRAM_TIMEOUT,
                               cwd=os.path.dirname(program[0]))
                with open(output.name, encoding="utf-8") as file:
                    counts = json.load(file)
            except (subprocess.TimeoutExpired, ValueError) as error:
                print("skipped %s: %s" % (os.path.relpath(program[0], REPOSITORY), error),
                      file=sys.stderr)
                continue
        runs.update({tuple(run.split()): count for run, count in counts["runs"].items()})
        opcode_counts.update(counts["opcodes"])
        print("profiled %s" % os.path.relpath(program[0], REPOSITORY), file=sys.stderr)
    return runs, opcode_counts


def run_child(program, output, longest):
    """In the child: run one program on pvm with the counter on every instruction, and
    write the counts to ``output``."""
    from pvm.__main__ import main as pvm_main
    counter = Counter(longest)
    original_init = interpreter_module.Interpreter.__init__

    def instrumented_init(self, *arguments, **keywords):
        original_init(self, *arguments, **keywords)
        self.instrument(counter)

    interpreter_module.Interpreter.__init__ = instrumented_init
    quiet = io.StringIO()
    with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        try:
            pvm_main(["-S", "-B"] + program)
        except SystemExit:
            pass
    with open(output, "w", encoding="utf-8") as file:
        json.dump({"runs": {" ".join(run): count for run, count in counter.runs.items()},
                   "opcodes": dict(counter.opcodes)}, file)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("programs", nargs="*", help="programs to run (default: benchmarks "
                        "and a sample of the corpus)")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--longest", type=int, default=6)
    parser.add_argument("--child", metavar="OUTPUT", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.child:
        run_child(arguments.programs, arguments.child, arguments.longest)
        return 0
    programs = ([[os.path.abspath(path)] for path in arguments.programs]
                or default_programs())
    runs, opcode_counts = profile(programs, arguments.longest)
    total = sum(opcode_counts.values()) or 1
    rows = {tuple(row) for row in superinstructions.ROWS}
    print("%d instructions executed" % total)
    print("\nruns by dispatches saved if fused (* = a row already):")
    print("%12s %7s  %s" % ("saved", "share", "run"))
    ranked = sorted(runs.items(), key=lambda item: -item[1] * (len(item[0]) - 1))
    for run, count in ranked[:arguments.top]:
        saved = count * (len(run) - 1)
        print("%12d %6.1f%%  %s%s" % (saved, 100.0 * saved / total, " ".join(run),
                                      "  *" if run in rows else ""))
    print("\nopcodes by share of instructions executed:")
    for name, count in opcode_counts.most_common(arguments.top):
        print("%12d %6.1f%%  %s" % (count, 100.0 * count / total, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
