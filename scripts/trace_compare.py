"""Compare the ``sys.settrace`` events of the program corpus under ``python3`` and pvm.

    python3 scripts/trace_compare.py [--jobs N] [--show N] [PATTERN...]

Each program of tests/programs (as scripts/run_programs.py finds and starts them)
runs under scripts/trace_runner.py in both interpreters; a program agrees when the
events of its own frames (call, line, return, exception: the event, the function
and the line) are the same, in the same order.  ``--show`` prints the first
difference of that many disagreeing programs.
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys
import tempfile

import run_programs

RUNNER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "trace_runner.py")


def events_of(command, invocation, timeout):
    with tempfile.NamedTemporaryFile("r", suffix=".events", delete=False) as file:
        path = file.name
    try:
        subprocess.run(command(path), cwd=invocation.folder, timeout=timeout,
                       env=run_programs.program_environment(), stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(path, encoding="utf-8") as file:
            return file.read().splitlines()
    except (subprocess.TimeoutExpired, OSError):
        return ["(no events: timeout or crash)"]
    finally:
        os.unlink(path)


def compare(program, timeout, pvm_options=()):
    invocation = run_programs.Invocation.for_program(program)
    arguments = [invocation.file_name, *invocation.program_arguments]
    expected = events_of(lambda path: [sys.executable, *invocation.python_options, RUNNER,
                                       path, *arguments], invocation, timeout)
    actual = events_of(lambda path: [sys.executable, "-m", "pvm", *pvm_options,
                                     *invocation.python_options, RUNNER, path, *arguments],
                       invocation, timeout)
    return program, expected, actual


def first_difference(expected, actual):
    for index, (one, other) in enumerate(zip(expected, actual)):
        if one != other:
            return index
    return min(len(expected), len(actual))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("patterns", nargs="*")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--show", type=int, default=10)
    parser.add_argument("--pvm-option", action="append", default=[], metavar="OPTION",
                        help="an option for pvm only, e.g. --pvm-option=-Xtier=1 "
                             "(repeat for several)")
    arguments = parser.parse_args(argv)
    programs = run_programs.discover_programs()
    if arguments.patterns:
        programs = run_programs.select_programs(arguments.patterns, programs)
    with concurrent.futures.ThreadPoolExecutor(arguments.jobs) as pool:
        results = list(pool.map(lambda program: compare(program, arguments.timeout,
                                                        arguments.pvm_option), programs))
    disagreeing = [(program, expected, actual) for program, expected, actual in results
                   if expected != actual]
    events = sum(len(expected) for _, expected, _ in results)
    print("trace events: %d programs agree / %d (%d events on CPython)"
          % (len(results) - len(disagreeing), len(results), events))
    for program, expected, actual in disagreeing[:arguments.show]:
        index = first_difference(expected, actual)
        print("  %s: event %d" % (program, index))
        print("      python3: %s" % " | ".join(expected[max(index - 2, 0):index + 3]))
        print("      pvm:     %s" % " | ".join(actual[max(index - 2, 0):index + 3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
