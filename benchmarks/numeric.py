"""Numeric kernels: pvm's tier 2 against CPython and Numba's @njit, in the same run.

    python3 benchmarks/numeric.py [--only NAME ...] [--quick] [--pvm-option OPTION ...]
                                  [--no-numba]

The programs are benchmarks/numeric/*.py, written in the subset tier 2 compiles. Each one
  - names its kernel functions, and the helpers they call, in a tuple KERNELS;
  - takes its size as its first argument (QUICK_ARGUMENTS below has the small ones);
  - runs its kernel and prints the result on stdout, runs it again timed with
    time.process_time() and prints "kernel-seconds: SECONDS" on stderr (the steady
    state: what a second call costs once everything is compiled), then prints the
    second run's result on stdout too.
Each program runs in a fresh process three ways:
  cpython  the host Python;
  pvm      python3 -m pvm -X tier=2 -X jit-log (any --pvm-option replaces these);
  numba    the host Python with every function named in KERNELS replaced by
           numba.njit(function) before main() runs (Numba comes with the dev extra;
           without it the column shows "-" and a note says why).
pvm must print what CPython prints, byte for byte (the exit status is 1 otherwise);
a Numba output that differs is reported, not failed: its arithmetic is LLVM's, not
CPython's.

The table gives the kernel's steady-state seconds for each, the speedups of pvm and of
Numba over CPython, pvm's time over Numba's, each whole process's CPU time (start-up,
imports and compiling included; from os.wait4, as benchmarks/run.py takes peak memory)
and the seconds pvm spent compiling, from its -X jit-log lines
"pvm tier 2: compiled NAME(SIGNATURE) in SECONDS s[ NOTE]", listed per function below
the table. It ends with the geometric means of the speedups.
"""

import argparse
import dataclasses
import importlib.util
import math
import os
import re
import subprocess
import sys
import tempfile

FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "numeric")
REPOSITORY = os.path.dirname(os.path.dirname(FOLDER))
DEFAULT_PVM_OPTIONS = ("-X", "tier=2", "-X", "jit-log")
# Sizes at which every program runs in well under a second under pvm's tier 0, for the
# unit tests and --quick; the full sizes are each program's own defaults.
QUICK_ARGUMENTS = {
    "fannkuch": ["5"],
    "fib": ["12"],
    "float_reduction": ["300"],
    "mandelbrot": ["12"],
    "matmul": ["6"],
    "nbody": ["40"],
    "sieve": ["2000"],
    "spectral_norm": ["8"],
}
KERNEL_SECONDS = re.compile(r"^kernel-seconds: (\S+)$", re.MULTILINE)
# What follows the seconds (machine code read from the cache, the callees compiled in) is
# kept as a note.
COMPILED = re.compile(r"^pvm tier 2: compiled (?P<function>.+?) in (?P<seconds>\d+(\.\d*)?) s"
                      r"(?P<note>.*)$", re.MULTILINE)
# The argument that makes this script the Numba side's driver (see run_with_numba).
NUMBA_CHILD = "--numba-child"
SIDES = ("cpython", "pvm", "numba")


def benchmark_names():
    return sorted(name[:-3] for name in os.listdir(FOLDER) if name.endswith(".py"))


def numba_is_importable():
    return importlib.util.find_spec("numba") is not None


# -- one program, one side ---------------------------------------------------

@dataclasses.dataclass
class Run:
    """What one side's process did with one program."""
    stdout: str
    stderr: str
    kernel_seconds: float
    process_seconds: float             # the whole process's CPU time, user and system
    compiled: list                     # [(function(signature), seconds, note)], jit-log


class RunFailed(Exception):
    pass


def run_side(command):
    """The Run of `command`, or RunFailed saying what went wrong."""
    with tempfile.TemporaryFile() as output, tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=output, stderr=errors,
                                   stdin=subprocess.DEVNULL, cwd=REPOSITORY)
        # wait4, not wait: the child's own resource use, its CPU time among it.
        _pid, status, usage = os.wait4(process.pid, 0)
        exit_status = os.waitstatus_to_exitcode(status)
        output.seek(0)
        errors.seek(0)
        stdout = output.read().decode(errors="backslashreplace")
        stderr = errors.read().decode(errors="backslashreplace")
    if exit_status != 0:
        raise RunFailed("exit status %d:\n%s" % (exit_status, stderr[-2000:]))
    timings = KERNEL_SECONDS.findall(stderr)
    if len(timings) != 1:
        raise RunFailed("%d kernel-seconds lines on stderr, not one:\n%s"
                        % (len(timings), stderr[-2000:]))
    compiled = [(match["function"], float(match["seconds"]), match["note"])
                for match in COMPILED.finditer(stderr)]
    return Run(stdout, stderr, float(timings[0]), usage.ru_utime + usage.ru_stime, compiled)


def side_command(side, path, arguments, pvm_options):
    if side == "cpython":
        return [sys.executable, path, *arguments]
    if side == "pvm":
        return [sys.executable, "-m", "pvm", *pvm_options, path, *arguments]
    return [sys.executable, os.path.abspath(__file__), NUMBA_CHILD, path, *arguments]


def run_with_numba(path, arguments):
    """The Numba side, in its own process: the program's module with its kernels
    replaced by their numba.njit dispatchers, then its main().

    All are replaced before any runs: a kernel's calls to the others go through the
    module's globals, which Numba reads when it compiles the caller.
    """
    import warnings

    import numba
    from numba.core.errors import NumbaPendingDeprecationWarning

    # Lists passed in from Python ("reflected lists") work but are marked for removal.
    warnings.simplefilter("ignore", NumbaPendingDeprecationWarning)
    spec = importlib.util.spec_from_file_location(
        "numeric_" + os.path.splitext(os.path.basename(path))[0], path)
    module = importlib.util.module_from_spec(spec)
    # Numba finds a recursive function's own dispatcher through sys.modules
    # (without this, fib fails with "unresolved symbol").
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    for name in module.KERNELS:
        setattr(module, name, numba.njit(getattr(module, name)))
    sys.argv = [path, *arguments]
    module.main()


# -- the table ---------------------------------------------------------------

COLUMNS = (  # (heading, width)
    ("benchmark", 16), ("cpython s", 10), ("pvm s", 10), ("numba s", 10),
    ("pvm x", 8), ("numba x", 8), ("pvm/numba", 10),
    ("cpython cpu", 12), ("pvm cpu", 10), ("numba cpu", 10), ("compile s", 10))


def format_row(cells):
    """One table line; a cell that is None shows as "-"."""
    parts = []
    for (heading, width), cell in zip(COLUMNS, cells):
        if cell is None:
            text = "-"
        elif isinstance(cell, str):
            text = cell
        elif heading.endswith(" x") or heading == "pvm/numba":
            text = format_times(cell)
        elif heading.endswith(" cpu"):
            text = "%.3f" % cell
        else:
            text = "%.6f" % cell
        parts.append(text.ljust(width) if heading == "benchmark" else text.rjust(width))
    return " ".join(parts)


def format_times(value):
    return "-" if value is None else "%.2fx" % value


def ratio(numerator, denominator):
    """numerator / denominator; None when either is missing or the denominator is too
    small to time (the quick sizes)."""
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator


def geometric_mean(values):
    values = [value for value in values if value is not None and value > 0]
    if not values:
        return None
    return math.exp(sum(math.log(value) for value in values) / len(values))


def measure(name, arguments, sides, pvm_options):
    """({side: Run}, [notes], failed?) for one program."""
    path = os.path.join(FOLDER, name + ".py")
    runs, notes, failed = {}, [], False
    for side in sides:
        try:
            runs[side] = run_side(side_command(side, path, arguments, pvm_options))
        except RunFailed as error:
            notes.append("%s: %s failed: %s" % (name, side, error))
            failed = failed or side != "numba"
    host = runs.get("cpython")
    if host is not None and "pvm" in runs and runs["pvm"].stdout != host.stdout:
        notes.append("%s: pvm printed %r, CPython %r" % (name, runs["pvm"].stdout,
                                                         host.stdout))
        failed = True
        del runs["pvm"]     # its times are of a wrong answer
    if host is not None and "numba" in runs and runs["numba"].stdout != host.stdout:
        notes.append("%s: Numba printed %r, CPython %r (its times are kept)"
                     % (name, runs["numba"].stdout, host.stdout))
    return runs, notes, failed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        choices=benchmark_names(),
                        help="run this benchmark only (repeat for several)")
    parser.add_argument("--quick", action="store_true",
                        help="small sizes (seconds in all), to check the programs and "
                             "this script; the times mean nothing")
    parser.add_argument("--pvm-option", action="append", default=[], metavar="OPTION",
                        help="an option for pvm only, replacing the default %s "
                             "(repeat for several)" % " ".join(DEFAULT_PVM_OPTIONS))
    parser.add_argument("--no-numba", action="store_true",
                        help="leave Numba out even if it is installed")
    arguments = parser.parse_args(argv)
    names = arguments.only or benchmark_names()
    pvm_options = arguments.pvm_option or list(DEFAULT_PVM_OPTIONS)
    sides = ["cpython", "pvm"]
    if arguments.no_numba:
        print("numba: left out (--no-numba)")
    elif not numba_is_importable():
        print("numba: not importable, its columns are left out "
              "(pip install -e '.[dev]' brings it)")
    else:
        sides.append("numba")
    print("pvm: python3 -m pvm %s" % " ".join(pvm_options))

    print(format_row(heading for heading, _ in COLUMNS))
    all_notes, compile_lines, any_failed = [], [], False
    speedups = {"pvm": [], "numba": []}
    pvm_over_numba = []
    for name in names:
        program_arguments = QUICK_ARGUMENTS[name] if arguments.quick else []
        runs, notes, failed = measure(name, program_arguments, sides, pvm_options)
        all_notes.extend(notes)
        any_failed = any_failed or failed
        seconds = {side: runs[side].kernel_seconds if side in runs else None
                   for side in SIDES}
        process = {side: runs[side].process_seconds if side in runs else None
                   for side in SIDES}
        pvm_speedup = ratio(seconds["cpython"], seconds["pvm"])
        numba_speedup = ratio(seconds["cpython"], seconds["numba"])
        pvm_numba = ratio(seconds["pvm"], seconds["numba"])
        speedups["pvm"].append(pvm_speedup)
        speedups["numba"].append(numba_speedup)
        pvm_over_numba.append(pvm_numba)
        compiled = runs["pvm"].compiled if "pvm" in runs else []
        compile_seconds = sum(seconds for _, seconds, _ in compiled) if compiled else None
        print(format_row([name, seconds["cpython"], seconds["pvm"], seconds["numba"],
                          pvm_speedup, numba_speedup, pvm_numba, process["cpython"],
                          process["pvm"], process["numba"], compile_seconds]), flush=True)
        compile_lines.append("  %s: %s" % (name, ", ".join(
            "%s %.3f s%s" % entry for entry in compiled) or "-"))

    print("pvm tier 2 compile time per function:")
    print("\n".join(compile_lines))
    for note in all_notes:
        print("note: " + note)
    print("geometric mean speedup over CPython: pvm %s, numba %s; pvm's time / Numba's: %s"
          % (format_times(geometric_mean(speedups["pvm"])),
             format_times(geometric_mean(speedups["numba"])),
             format_times(geometric_mean(pvm_over_numba))))
    return 1 if any_failed else 0


if __name__ == "__main__":
    if sys.argv[1:2] == [NUMBA_CHILD]:
        run_with_numba(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(main())
