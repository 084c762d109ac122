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
import os
import sys

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


def profile(programs, counter):
    from pvm.__main__ import main as pvm_main
    original_init = interpreter_module.Interpreter.__init__

    def instrumented_init(self, *arguments, **keywords):
        original_init(self, *arguments, **keywords)
        self.instrument(counter)

    interpreter_module.Interpreter.__init__ = instrumented_init
    try:
        for program in programs:
            output = io.StringIO()
            with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
                try:
                    pvm_main(["-S", "-B"] + program)
                except SystemExit:
                    pass
            print("profiled %s" % os.path.relpath(program[0], REPOSITORY), file=sys.stderr)
    finally:
        interpreter_module.Interpreter.__init__ = original_init


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("programs", nargs="*", help="programs to run (default: benchmarks "
                        "and a sample of the corpus)")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--longest", type=int, default=6)
    arguments = parser.parse_args(argv)
    programs = [[path] for path in arguments.programs] or default_programs()
    counter = Counter(arguments.longest)
    profile(programs, counter)
    total = sum(counter.opcodes.values())
    rows = {tuple(row) for row in superinstructions.ROWS}
    print("%d instructions executed" % total)
    print("\nruns by dispatches saved if fused (* = a row already):")
    print("%12s %7s  %s" % ("saved", "share", "run"))
    ranked = sorted(counter.runs.items(), key=lambda item: -item[1] * (len(item[0]) - 1))
    for run, count in ranked[:arguments.top]:
        saved = count * (len(run) - 1)
        print("%12d %6.1f%%  %s%s" % (saved, 100.0 * saved / total, " ".join(run),
                                      "  *" if run in rows else ""))
    print("\nopcodes by share of instructions executed:")
    for name, count in counter.opcodes.most_common(arguments.top):
        print("%12d %6.1f%%  %s" % (count, 100.0 * count / total, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
