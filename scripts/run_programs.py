"""Run the differential program corpus: every program under ``python3`` and under pvm.

    scripts/run_programs.py [--jobs N] [--timeout SECONDS] [--python PATH] [--quiet]
                            [--pvm-option OPTION] [PATTERN...]
    scripts/run_programs.py --update-known-failures
    scripts/run_programs.py --check-oracle        # the programs themselves: deterministic?

Each program's result is printed as it finishes (a line, and the differences unless
``--quiet``), the summary at the end.  A program passes when ``python3 -m pvm NAME.py
ARGS`` and ``python3 NAME.py ARGS``, both started in the program's folder with the same
relative path, write the same stdout, the same stderr (tracebacks included, character
for character) and exit with the same status.  ``--python PATH`` runs both sides on
another host: PATH is the oracle and PATH runs pvm (``PATH -m pvm``), so that pvm is
compared with the CPython release it runs on.

Which files are programs (one function, `discover_programs`, owns this): every
``.py`` file under tests/programs/, except in a folder that holds a ``main.py``:
such a folder is one program (its ``main.py``) and its other files are what that
program imports or reads.

A program may ask for options in its first comment lines:
    # python-options: -O          options given to both interpreters before the file
    # program-args: one two       arguments given to the program (sys.argv[1:])

tests/programs/known_failures.txt lists the programs pvm fails today, one
``path  # reason`` a line; tests/test_programs.py marks them as strict xfails, so a
program that starts passing must be taken off the list (rerun with
``--update-known-failures``).
"""

import argparse
import concurrent.futures
import dataclasses
import difflib
import fnmatch
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

REPOSITORY_FOLDER = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS_FOLDER = os.path.join(REPOSITORY_FOLDER, "tests", "programs")
KNOWN_FAILURES_PATH = os.path.join(PROGRAMS_FOLDER, "known_failures.txt")
PYCACHE_PREFIX = os.path.join(REPOSITORY_FOLDER, ".pycache-prefix")
FOLDER_PROGRAM_NAME = "main.py"
# The first program to import a module compiles it (asyncio: seconds, more on a busy
# machine); the others load it from the cache.
DEFAULT_TIMEOUT = 30.0

OPTIONS_DIRECTIVE = "# python-options:"
ARGUMENTS_DIRECTIVE = "# program-args:"
# Directives are read from the comment block at the top of the file only.
DIRECTIVE_SEARCH_LINES = 10
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


# -- the corpus --------------------------------------------------------------

def discover_programs(root=PROGRAMS_FOLDER):
    """Sorted paths of the programs, relative to `root`, with '/' separators."""
    programs = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        relative_folder = os.path.relpath(folder, root)
        if FOLDER_PROGRAM_NAME in names and relative_folder != ".":
            programs.append(_join(relative_folder, FOLDER_PROGRAM_NAME))
            # The rest of this folder, subfolders included, belongs to that program.
            subfolders[:] = []
            continue
        for name in sorted(names):
            if name.endswith(".py"):
                programs.append(_join(relative_folder, name))
    return sorted(programs)


def _join(relative_folder, name):
    if relative_folder == ".":
        return name
    return relative_folder.replace(os.sep, "/") + "/" + name


def shadowing_names(root=PROGRAMS_FOLDER):
    """Files of the corpus importable under a standard library module's name.

    A program's folder is its sys.path[0], so a program or helper called ``enum.py``
    (or a package folder called ``json``) would be imported by ``import enum`` instead
    of the real module, by python3 and by the host running pvm alike.
    """
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        if "__init__.py" in names:
            continue  # inside a package: its modules are reached through the package
        importable = [os.path.splitext(name)[0] for name in names if name.endswith(".py")]
        importable += [name for name in subfolders
                       if os.path.exists(os.path.join(folder, name, "__init__.py"))]
        found.extend(_join(os.path.relpath(folder, root), name)
                     for name in sorted(importable) if name in sys.stdlib_module_names)
    return found


@dataclasses.dataclass(frozen=True)
class Invocation:
    """How one program is started: its folder, its file name, options and arguments."""
    folder: str
    file_name: str
    python_options: tuple
    program_arguments: tuple
    pvm_options: tuple = ()         # given to pvm only (--pvm-option)

    @classmethod
    def for_program(cls, program, root=PROGRAMS_FOLDER):
        path = os.path.join(root, program)
        options, arguments = (), ()
        with open(path, encoding="utf-8") as file:
            for _, line in zip(range(DIRECTIVE_SEARCH_LINES), file):
                if line.startswith(OPTIONS_DIRECTIVE):
                    options = tuple(shlex.split(line[len(OPTIONS_DIRECTIVE):]))
                elif line.startswith(ARGUMENTS_DIRECTIVE):
                    arguments = tuple(shlex.split(line[len(ARGUMENTS_DIRECTIVE):]))
        return cls(os.path.dirname(path), os.path.basename(path), options, arguments)

    def oracle_command(self, python):
        return [python, *self.python_options, self.file_name, *self.program_arguments]

    def pvm_command(self, python):
        return [python, "-m", "pvm", *self.pvm_options, *self.python_options, self.file_name,
                *self.program_arguments]


# -- running -----------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Outcome:
    """What one interpreter did with one program."""
    stdout: str
    stderr: str
    exit_status: object  # an int, or the string "timeout"
    seconds: float = dataclasses.field(default=0.0, compare=False)


def program_environment(hash_seed="0"):
    """The environment both interpreters get: identical, so only the interpreter differs.

    PYTHONPATH lets the host find the pvm package from any program folder; the oracle
    gets it too so that both programs see the same sys.path.  A fixed hash seed is a
    safety net: programs are written not to depend on it (see --check-oracle).
    Both write their bytecode caches under one folder of the repository (PYCACHE_PREFIX),
    so that pvm compiles each standard-library module once, not once per program, and
    neither writes into the programs' folders or the host's standard library.
    """
    environment = dict(os.environ)
    existing_path = environment.get("PYTHONPATH")
    environment["PYTHONPATH"] = (REPOSITORY_FOLDER if not existing_path
                                 else REPOSITORY_FOLDER + os.pathsep + existing_path)
    environment["PYTHONHASHSEED"] = hash_seed
    environment["PYTHONIOENCODING"] = "utf-8"
    environment["PYTHONPYCACHEPREFIX"] = PYCACHE_PREFIX
    for variable in ("PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONOPTIMIZE", "PYTHONWARNINGS",
                     "PYTHONDONTWRITEBYTECODE"):
        environment.pop(variable, None)
    return environment


def _start(command, folder, environment):
    process = subprocess.Popen(command, cwd=folder, env=environment, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.start_time = time.perf_counter()
    return process


def _finish(process, timeout):
    try:
        stdout, stderr = process.communicate(timeout=timeout)
        exit_status = process.returncode
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        exit_status = "timeout"
    # Measured from the start, so the wait for the other process is not counted twice.
    seconds = time.perf_counter() - process.start_time
    return Outcome(_decode(stdout), _decode(stderr), exit_status, seconds)


def _decode(data):
    return data.decode("utf-8", errors="backslashreplace")


def run_both(invocation, python, timeout):
    """(oracle outcome, pvm outcome); the two processes run side by side."""
    environment = program_environment()
    oracle = _start(invocation.oracle_command(python), invocation.folder, environment)
    pvm = _start(invocation.pvm_command(python), invocation.folder, environment)
    return _finish(oracle, timeout), _finish(pvm, timeout)


@dataclasses.dataclass(frozen=True)
class Comparison:
    program: str
    expected: Outcome
    actual: Outcome

    @property
    def passed(self):
        return self.expected == self.actual

    def reason(self):
        """One line saying why pvm fails this program (for known_failures.txt)."""
        if self.actual.exit_status == "timeout":
            return "timeout"
        if self.actual.exit_status != self.expected.exit_status:
            last_line = _last_line(self.actual.stderr)
            if last_line:
                return f"exit {self.actual.exit_status}: {last_line}"
            return f"exit {self.actual.exit_status}, expected {self.expected.exit_status}"
        if self.actual.stdout != self.expected.stdout:
            return "stdout differs"
        return "stderr differs"

    def describe(self, context_lines=3, line_limit=40):
        """The differences, as short unified diffs (pvm's side is '+')."""
        parts = [f"{self.program}: {self.reason()}"]
        if self.actual.exit_status != self.expected.exit_status:
            parts.append(f"  exit status: python3 {self.expected.exit_status}, "
                         f"pvm {self.actual.exit_status}")
        for stream in ("stdout", "stderr"):
            expected = getattr(self.expected, stream)
            actual = getattr(self.actual, stream)
            if expected != actual:
                diff = list(difflib.unified_diff(
                    expected.splitlines(), actual.splitlines(), f"python3 {stream}",
                    f"pvm {stream}", n=context_lines, lineterm=""))
                if len(diff) > line_limit:
                    diff = diff[:line_limit] + [f"... ({len(diff) - line_limit} more lines)"]
                parts.extend("  " + line for line in diff)
        return "\n".join(parts)


def _last_line(text, limit=100):
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    # Addresses change from run to run; the list of failures should not.
    line = ADDRESS.sub(" at 0x...", lines[-1])
    return line if len(line) <= limit else line[:limit - 3] + "..."


def compare_program(program, python=None, timeout=DEFAULT_TIMEOUT, root=PROGRAMS_FOLDER,
                    pvm_options=()):
    python = python or oracle_python()
    invocation = dataclasses.replace(Invocation.for_program(program, root),
                                     pvm_options=tuple(pvm_options))
    expected, actual = run_both(invocation, python, timeout)
    return Comparison(program, expected, actual)


def default_jobs():
    """One program per core: python3 finishes long before pvm, so each program keeps
    about one core busy."""
    return os.cpu_count() or 1


def oracle_python():
    """The oracle is this machine's ``python3`` (3.11), whatever runs this script."""
    return shutil.which("python3") or sys.executable


TIER_2_OPTIONS = ("tier=2", "-Xtier=2")


def asks_for_tier_2(invocation):
    """Whether the program runs at tier 2 (-X tier=2), which needs llvmlite on the host."""
    options = invocation.python_options + invocation.pvm_options
    return any(option in TIER_2_OPTIONS for option in options)


def host_imports_llvmlite(python):
    return subprocess.run([python, "-c", "import llvmlite.binding"], stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0


def tier_2_note(invocations, python):
    """What to tell before running programs at tier 2 on a host without llvmlite, or None.

    pvm then runs them at the tiers below and says so in one line of stderr, so they
    differ from python3 by that line.  They are run all the same: passing them would
    claim that tier 2 was tested."""
    count = sum(1 for invocation in invocations if asks_for_tier_2(invocation))
    if not count or host_imports_llvmlite(python):
        return None
    return ("programs asking for -X tier=2: %d; %s cannot run tier 2 (it cannot import"
            " llvmlite), so they will differ by pvm's line saying so.  A virtual environment"
            " of that host with the test extra has llvmlite:\n  %s -m venv DIR &&"
            " DIR/bin/pip install -e '%s[test]'\nthen run with --python DIR/bin/python."
            % (count, python, python, REPOSITORY_FOLDER))


# -- the list of known failures ----------------------------------------------

def read_known_failures(path=KNOWN_FAILURES_PATH):
    """{program: reason} from known_failures.txt ('path  # reason' lines)."""
    known = {}
    if not os.path.exists(path):
        return known
    with open(path, encoding="utf-8") as file:
        for line in file:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            program, _, reason = line.partition("#")
            known[program.strip()] = reason.strip()
    return known


def write_known_failures(known, path=KNOWN_FAILURES_PATH):
    width = max((len(program) for program in known), default=0)
    with open(path, "w", encoding="utf-8") as file:
        file.write("# Programs pvm fails today; rewritten by "
                   "scripts/run_programs.py --update-known-failures.\n")
        for program in sorted(known):
            file.write(f"{program.ljust(width)}  # {known[program]}\n")


# -- checking the programs themselves ----------------------------------------

def check_oracle(program, python, timeout, root=PROGRAMS_FOLDER):
    """Problems with the program itself: different results under two hash seeds."""
    invocation = Invocation.for_program(program, root)
    outcomes = []
    for hash_seed in ("0", "1"):
        process = _start(invocation.oracle_command(python), invocation.folder,
                         program_environment(hash_seed))
        outcomes.append(_finish(process, timeout))
    first, second = outcomes
    if first.exit_status == "timeout":
        return "times out under python3"
    if first != second:
        return "not deterministic (two hash seeds give different results)"
    return None


# -- command line ------------------------------------------------------------

def select_programs(patterns, programs):
    if not patterns:
        return programs
    return [program for program in programs
            if any(fnmatch.fnmatch(program, pattern) or pattern in program
                   for pattern in patterns)]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("patterns", nargs="*", metavar="PATTERN",
                        help="run the programs whose path matches (glob or substring)")
    parser.add_argument("--jobs", type=int, default=default_jobs(),
                        help="programs run at once (default: one per core)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    parser.add_argument("--python", default=oracle_python(),
                        help="the host interpreter, for both sides: the oracle, and the "
                        "python that runs pvm (another CPython 3.11 release, or a "
                        "virtual environment of one)")
    parser.add_argument("--pvm-option", action="append", default=[], metavar="OPTION",
                        help="an option for pvm only, e.g. --pvm-option=-Xfusion=0 "
                        "(repeat for several)")
    parser.add_argument("--update-known-failures", action="store_true",
                        help="rewrite known_failures.txt from this run")
    parser.add_argument("--check-oracle", action="store_true",
                        help="run only python3, twice, to check the programs are deterministic")
    parser.add_argument("--quiet", action="store_true",
                        help="no diffs: a line a program as it finishes, then the summary")
    parser.add_argument("--slowest", type=int, default=0, metavar="N",
                        help="list the N programs pvm takes longest on")
    arguments = parser.parse_args(argv)

    all_programs = discover_programs()
    programs = select_programs(arguments.patterns, all_programs)
    shadowing = shadowing_names()
    if shadowing:
        print("corpus files named like standard library modules:", *shadowing, sep="\n  ")
        return 2

    if arguments.check_oracle:
        return _check_all(programs, arguments)

    note = tier_2_note([dataclasses.replace(Invocation.for_program(program),
                                            pvm_options=tuple(arguments.pvm_option))
                        for program in programs], arguments.python)
    if note:
        print(note, flush=True)

    comparisons = compare_reporting(programs, arguments)
    known = read_known_failures()
    failures = [comparison for comparison in comparisons if not comparison.passed]
    passed = len(comparisons) - len(failures)
    print(f"programs: passed {passed} / {len(comparisons)}")
    if failures:
        print("failed:", *(comparison.program for comparison in failures), sep="\n  ")
    if arguments.slowest:
        _print_slowest(comparisons, arguments.slowest)

    failed_names = {comparison.program for comparison in failures}
    newly_passing = sorted(program for program in known
                           if program in programs and program not in failed_names)
    newly_failing = sorted(failed_names - set(known))
    if newly_passing:
        print("passing now but listed in known_failures.txt:", *newly_passing, sep="\n  ")
    if newly_failing:
        print("failing but not listed in known_failures.txt:", *newly_failing, sep="\n  ")

    if arguments.update_known_failures:
        # Programs outside this run keep their entries; the ones that ran are replaced.
        ran = set(programs)
        updated = {program: reason for program, reason in known.items()
                   if program not in ran and program in all_programs}
        updated.update((comparison.program, comparison.reason()) for comparison in failures)
        write_known_failures(updated)
        print(f"known_failures.txt: {len(updated)} programs")
    return 0 if not failures else 1


def compare_reporting(programs, arguments):
    """The programs' comparisons, in the programs' order, each reported as it finishes.

    A line a program, flushed (with the diffs under it unless --quiet), so that a long
    run stopped half-way has said what it found."""
    with concurrent.futures.ThreadPoolExecutor(arguments.jobs) as pool:
        futures = {pool.submit(compare_program, program, arguments.python, arguments.timeout,
                               pvm_options=arguments.pvm_option): program
                   for program in programs}
        comparisons = {}
        for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
            comparison = future.result()
            comparisons[comparison.program] = comparison
            print(progress_line(comparison, done, len(programs)), flush=True)
            if not comparison.passed and not arguments.quiet:
                print(comparison.describe().partition("\n")[2] + "\n", flush=True)
    return [comparisons[program] for program in programs]


def progress_line(comparison, done, total):
    """'[done/total] pass|FAIL program (seconds under pvm)', and why it failed."""
    verdict = "pass" if comparison.passed else "FAIL"
    line = (f"[{done}/{total}] {verdict} {comparison.program} "
            f"({comparison.actual.seconds:.1f} s)")
    return line if comparison.passed else f"{line}: {comparison.reason()}"


def _print_slowest(comparisons, count):
    print("slowest under pvm (seconds: pvm, python3):")
    by_time = sorted(comparisons, key=lambda comparison: -comparison.actual.seconds)
    for comparison in by_time[:count]:
        print(f"  {comparison.actual.seconds:6.2f} {comparison.expected.seconds:6.2f}  "
              f"{comparison.program}")
    total_pvm = sum(comparison.actual.seconds for comparison in comparisons)
    total_python = sum(comparison.expected.seconds for comparison in comparisons)
    print(f"  total: pvm {total_pvm:.1f} s, python3 {total_python:.1f} s")


def _check_all(programs, arguments):
    with concurrent.futures.ThreadPoolExecutor(arguments.jobs) as pool:
        problems = list(pool.map(
            lambda program: check_oracle(program, arguments.python, arguments.timeout),
            programs))
    bad = [(program, problem) for program, problem in zip(programs, problems) if problem]
    for program, problem in bad:
        print(f"{program}: {problem}")
    print(f"programs: {len(programs) - len(bad)} / {len(programs)} deterministic under python3")
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main())
