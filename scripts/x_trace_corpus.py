"""Run every program of the differential corpus under ``pvm -X trace`` and check that the
trace changes nothing the program does and starts where the program starts.

    python3 scripts/x_trace_corpus.py [--jobs N] [--timeout SECONDS] [--show N] [PATTERN...]

Each program of tests/programs (as scripts/run_programs.py finds and starts them) runs
twice under pvm, as ``pvm FILE`` and as ``pvm -X trace FILE``.  A program agrees when

- its stdout and exit status are the same in both runs (the trace writes to stderr);
- the program's own stderr (a traceback, warnings) is all in the traced run's stderr,
  line by line, in order, among the trace's lines;
- the first step of the trace is the first instruction of the program's module code
  (``<module>:LINE    0 OPNAME``, as ``pvm.compile`` of the file gives it), or, for a
  program that does not compile, there is no step at all.

The traced run's stderr goes to a temporary file and is read a line at a time: a
program of a million instructions traces some hundred megabytes.
"""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings

import run_programs

sys.path.insert(0, run_programs.REPOSITORY_FOLDER)

from pvm import compile as pvm_compile  # noqa: E402
from pvm.dis import get_instructions  # noqa: E402

# A step of -X trace: "QUALNAME:LINE  INDEX OPNAME ... stack: [...]".
STEP = re.compile(r"^(\S+):(\S+) +(\d+) ([A-Z][A-Z0-9_]*)\b.* stack: ")


def first_instruction(invocation):
    """(the index, the name) of the first instruction of the program's module code, or
    None if pvm does not compile it."""
    path = os.path.join(invocation.folder, invocation.file_name)
    with open(path, "rb") as file:
        source = file.read()
    optimize = 2 if "-OO" in invocation.python_options else \
        1 if "-O" in invocation.python_options else -1
    try:
        with warnings.catch_warnings():
            # (Compile-time warnings are the program's runs' to print, not this script's.)
            warnings.simplefilter("ignore")
            code = pvm_compile(source, path, "exec", optimize=optimize)
    except (SyntaxError, ValueError):
        return None
    first = next(get_instructions(code))
    return first.offset, first.opname


def traced_run(invocation, timeout, wanted):
    """(stdout, exit status, the first step's match or None, the first line of
    ``wanted`` not found in order among the stderr's lines or None) of the traced run;
    None if it outlives ``timeout``."""
    command = [sys.executable, "-m", "pvm", "-X", "trace", *invocation.python_options,
               invocation.file_name, *invocation.program_arguments]
    with tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.run(command, cwd=invocation.folder, timeout=timeout,
                                     env=run_programs.program_environment(),
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=errors)
        except subprocess.TimeoutExpired:
            return None
        errors.seek(0)
        first_step = None
        position = 0
        for data in errors:
            line = data.decode("utf-8", "backslashreplace").rstrip("\n")
            if first_step is None:
                first_step = STEP.match(line)
            if position < len(wanted) and line == wanted[position]:
                position += 1
    return (process.stdout.decode("utf-8", "backslashreplace"), process.returncode,
            first_step, wanted[position] if position < len(wanted) else None)


def check(program, timeout):
    """(program, None if it agrees or what differs, seconds of the traced run)."""
    invocation = run_programs.Invocation.for_program(program)
    try:
        plain = subprocess.run([sys.executable, "-m", "pvm", *invocation.python_options,
                                invocation.file_name, *invocation.program_arguments],
                               cwd=invocation.folder, timeout=timeout,
                               env=run_programs.program_environment(),
                               stdin=subprocess.DEVNULL, capture_output=True)
    except subprocess.TimeoutExpired:
        return program, "the untraced run took more than %g s" % timeout, 0.0
    started = time.perf_counter()
    traced = traced_run(invocation, timeout,
                        plain.stderr.decode("utf-8", "backslashreplace").splitlines())
    seconds = time.perf_counter() - started
    if traced is None:
        return program, "the traced run took more than %g s" % timeout, seconds
    stdout, status, step, missing = traced
    if status != plain.returncode:
        return program, "exit status %s, %s untraced" % (status, plain.returncode), seconds
    if stdout != plain.stdout.decode("utf-8", "backslashreplace"):
        return program, "stdout differs", seconds
    if missing is not None:
        return program, "stderr line not in the trace's: %r" % missing, seconds
    expected = first_instruction(invocation)
    if expected is None:
        if step is not None:
            return program, "a step traced, but pvm does not compile it", seconds
        return program, None, seconds
    if step is None:
        return program, "no step traced", seconds
    found = (step.group(1), int(step.group(3)), step.group(4))
    if found != ("<module>",) + expected:
        return program, "first step %s %d %s, not <module> %d %s" % (found + expected), seconds
    return program, None, seconds


def main(argv=None):
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("patterns", nargs="*")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--show", type=int, default=20)
    arguments = parser.parse_args(argv)
    programs = run_programs.discover_programs()
    if arguments.patterns:
        programs = run_programs.select_programs(arguments.patterns, programs)
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(arguments.jobs) as pool:
        results = list(pool.map(lambda program: check(program, arguments.timeout), programs))
    failing = [(program, reason) for program, reason, _ in results if reason is not None]
    slowest = max(results, key=lambda result: result[2])
    print("-X trace: %d programs end as they do untraced and start at their first "
          "instruction / %d (%.0f s; slowest traced run %s, %.1f s)"
          % (len(results) - len(failing), len(results), time.perf_counter() - started,
             slowest[0], slowest[2]))
    for program, reason in failing[:arguments.show]:
        print("  %s: %s" % (program, reason))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
