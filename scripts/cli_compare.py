"""Compare the pvm command with python3, command line by command line.

    python3 scripts/cli_compare.py [--jobs N] [--list] [--diffs] [PATTERN...]

Each case is a command line (options; -c, -m, a file, a folder, a zip file or stdin;
PYTHON* variables) run in a fixture folder under python3 and under pvm, started as a
pvm program's ``sys.executable`` starts it (pvm's launcher, ``pvm.world.launcher``),
with the same environment: the caller's, without its PYTHON* variables, plus the
case's.  Exit status, stdout and stderr must be identical once the interpreters' own
paths (each names its own executable in its messages) and object addresses are
replaced by fixed words.  EXPECTED_DIFFERENCES lists the cases where they may differ,
each with its reason; a listed case that turns out identical is reported too, so that
the list stays true.  The exit status is 0 when every case is as expected.
"""

import argparse
import concurrent.futures
import dataclasses
import difflib
import fnmatch
import os
import re
import subprocess
import sys
import tempfile
import zipfile

REPOSITORY_FOLDER = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPOSITORY_FOLDER)

from pvm.world import launcher  # noqa: E402

# -- the fixture folder ---------------------------------------------------------------

# What the command line decided, in a form both interpreters print alike.
PROBE = """\
import sys, warnings
print(sys.flags)
print(sys._xoptions, sys.warnoptions)
print([(action, category.__name__, module) for action, message, category, module, line
       in warnings.filters][:6])
print(repr(sys.path[0]), sys.argv, __name__)
print(sys.dont_write_bytecode, sys.pycache_prefix, __debug__, sys.get_int_max_str_digits())
try:
    import beside
    print("the current folder is searched")
except ImportError:
    print("the current folder is not searched")
"""

RAISES = """\
def inner(value):
    return 1 / value

def outer():
    return inner(0)

outer()
"""

WARNS = """\
import warnings
warnings.warn("a user warning")
warnings.warn("a deprecation", DeprecationWarning)
warnings.warn("pending", PendingDeprecationWarning)
print("after the warnings")
"""

# Output of the program and of its child on one file, in order only where unbuffered.
ORDER = """\
import subprocess, sys
print("parent first")
sys.stdout.buffer.write(b"bytes\\n")
subprocess.run([sys.executable, "-c", "print('child')"])
print("parent last", type(sys.stdout.buffer).__name__, sys.stdout.write_through)
"""

# Whether tracemalloc traces, and how many frames it keeps.
TRACING = "import tracemalloc; print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())"

FILES = {
    "probe.py": PROBE,
    "beside.py": "",
    "hello.py": "print('hello from a file')\n",
    "raises.py": RAISES,
    "warns.py": WARNS,
    "exits.py": "import sys\nprint('leaving')\nsys.exit(int(sys.argv[1]) if sys.argv[1:] "
                "else 'a message')\n",
    "bad_syntax.py": "x = (1,\nprint(x)\n",
    "dos.py": "this first line is skipped by -x\nprint('second line')\n1/0\n",
    "interrupts.py": "raise KeyboardInterrupt\n",
    "unicode.py": "print('caf\\u00e9 \\u2603')\n",
    "package/__init__.py": "",
    "package/__main__.py": "import sys\nprint('package main', __name__, __package__, "
                           "sys.argv)\n",
    "package/module.py": "print('module', __name__, __package__)\n",
    "package/raises.py": RAISES,
    "package/bad.py": "def broken(:\n",
    "nomain/__init__.py": "",
    "app/__main__.py": "import sys, helper\nprint('app', __name__, sys.argv, "
                      "type(__loader__).__name__)\n",
    "app/helper.py": "",
    "empty_folder/.keep": "",
    "elsewhere/on_path.py": "print('imported from PYTHONPATH')\n",
    "startup.py": "print('the startup file ran')\n",
}

ZIPAPP_FILES = {"__main__.py": "import sys, zipped_helper\nprint('zipapp', __name__, "
                               "sys.argv[1:], type(__loader__).__name__)\n",
                "zipped_helper.py": ""}


def make_fixture(folder):
    """The files the cases name, in ``folder``."""
    for name, text in FILES.items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
    for name, shebang in (("app.pyz", b"#!/usr/bin/env python3\n"), ("app.zip", b"")):
        with open(os.path.join(folder, name), "wb") as file:
            file.write(shebang)
            with zipfile.ZipFile(file, "a") as archive:
                for member, text in ZIPAPP_FILES.items():
                    archive.writestr(member, text)
    with zipfile.ZipFile(os.path.join(folder, "nomain.zip"), "w") as archive:
        archive.writestr("other.py", "")


# -- the cases ------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Case:
    """One command line: its arguments, stdin, and variables (name, value) added to the
    environment.  ``name`` is how the report names it (PROBE stands for the probe)."""
    arguments: tuple
    stdin: str | None = None
    environment: tuple = ()

    @property
    def name(self):
        words = ["%s=%s" % pair for pair in self.environment]
        words += [_NAMES.get(argument) or (repr(argument) if " " in argument or not argument
                                           else argument) for argument in self.arguments]
        if self.stdin is not None:
            words.append("<stdin %s" % (_NAMES.get(self.stdin) or repr(self.stdin)))
        return " ".join(words)


# How case names write the long programs.
_NAMES = {PROBE: "PROBE", ORDER: "ORDER", TRACING: "TRACING"}

# Options that take no program of their own, each alone before a program.
OPTIONS = [
    [], ["-I"], ["-E"], ["-P"], ["-s"], ["-S"], ["-b"], ["-bb"], ["-q"], ["-d"], ["-O"],
    ["-OO"], ["-B"], ["-u"], ["-R"], ["-X", "dev"], ["-X", "utf8"], ["-X", "utf8=0"],
    ["-X", "a=b"], ["-X", "warn_default_encoding"], ["-X", "int_max_str_digits=640"],
    ["-X", "faulthandler"], ["-X", "pycache_prefix=cache"], ["-X", "frozen_modules=off"],
    ["-X", "frozen_modules=on"], ["-X", "showrefcount"], ["-X", "tracemalloc"],
    ["-X", "tracemalloc=5"], ["-X", "no_debug_ranges"], ["-X", "utf8=1"], ["-X", "dev=0"],
    ["-X", "a", "-X", "a=c"],
    ["-W", "error"], ["-W", "ignore"], ["-W", "always::DeprecationWarning"],
    ["--check-hash-based-pycs", "always"], ["-IE"], ["-Esq"], ["-OOBb"], ["-I", "-S"],
    ["-P", "-s", "-E"], ["-X", "dev", "-W", "error", "-bb"], ["-Wd", "-X", "utf8"],
]

# The ways of naming the program, and the options each is tried with.
FORMS = {
    "command": (["-c", PROBE, "first"], None),
    "module": (["-m", "probe", "first"], None),
    "file": (["probe.py", "first"], None),
    "folder": (["app", "first"], None),
    "zipapp": (["app.pyz", "first"], None),
    "stdin dash": (["-", "first"], PROBE),
    "stdin": ([], PROBE),
}
FORM_OPTIONS = [[], ["-I"], ["-E"], ["-O"], ["-S"], ["-P"], ["-B", "-s"], ["-u"], ["-X", "dev"],
                ["-W", "error"], ["-q", "-i"]]

# What programs do, each under the plain command line.
PROGRAMS = [
    (["hello.py"], None), (["hello.py", "a", "-b", "--c"], None),
    (["raises.py"], None), (["-c", RAISES], None), (["-", "x"], RAISES), ([], RAISES),
    (["-m", "package.raises"], None), (["-m", "package"], None),
    (["-m", "package", "-x", "y"], None), (["-m", "package.module"], None),
    (["-m", "package.bad"], None), (["-m", "nomain"], None), (["-m", "missing"], None),
    (["-m", ".relative"], None), (["-m", "package.missing"], None),
    (["exits.py"], None), (["exits.py", "3"], None), (["exits.py", "0"], None),
    (["-c", "raise SystemExit"], None), (["-c", "raise SystemExit(None)"], None),
    (["-c", "import sys; sys.exit([1, 2])"], None), (["-c", "import os; os._exit(7)"], None),
    (["bad_syntax.py"], None), (["-c", "x = (1,"], None), (["-c", "f(**)"], None),
    ([], "def f(:\n"), (["missing.py"], None), (["empty_folder"], None),
    (["nomain"], None), (["nomain.zip"], None), (["app.zip", "z"], None),
    (["interrupts.py"], None), (["unicode.py"], None),
    (["warns.py"], None), (["-W", "error", "warns.py"], None),
    (["-W", "ignore", "warns.py"], None), (["-Wd", "warns.py"], None),
    (["-X", "dev", "warns.py"], None), (["-W", "error::DeprecationWarning", "warns.py"], None),
    (["-W", "bogus", "hello.py"], None), (["-W", "ignore::NoSuchWarning", "hello.py"], None),
    (["-x", "dos.py"], None), (["-x", "-"], "not skipped from stdin\n"),
    (["-i"], "x = 6 * 7\nx\n"), (["-i", "-q", "hello.py"], "print('at the prompt')\n"),
    (["-i", "-c", "raise SystemExit(3)"], "'after'\n"), (["-q"], "print('quiet')\n"),
    (["-c", "import sys; print(sys.argv)", "-", "--", "-c"], None),
    (["--", "hello.py"], None), (["-c", "print('c')", "-V"], None),
    (["-b", "-c", "print(str(b'x'), b'x' == 'x')"], None),
    (["-bb", "-c", "print(b'x' == 'x')"], None),
    (["-O", "-c", "assert False, 'kept'; print('asserts removed')"], None),
    (["-OO", "-c", "def f():\n    'doc'\nprint(f.__doc__)"], None),
    (["-X", "int_max_str_digits=640", "-c", "str(10 ** 700)"], None),
    (["-X", "warn_default_encoding", "-c", "open('hello.py').close()"], None),
    (["-v", "-c", "pass"], None), (["-X", "importtime", "-c", "pass"], None),
    (["-X", "tracemalloc=4", "-c", TRACING], None), (["-X", "tracemalloc", "-c", TRACING], None),
    (["-X", "faulthandler", "-c", "import faulthandler; print(faulthandler.is_enabled())"],
     None),
    (["-d", "-c", "pass"], None), (["-c", ORDER], None), (["-u", "-c", ORDER], None),
]

# Command lines python refuses or answers without running a program.
REFUSED = [
    ["--foo"], ["-Z"], ["-J"], ["-c"], ["-m"], ["-W"], ["-X"], ["-bZ"],
    ["--check-hash-based-pycs"], ["--check-hash-based-pycs", "sometimes"],
    ["-X", "utf8=2", "-c", "pass"], ["-X", "int_max_str_digits=5", "-c", "pass"],
    ["-X", "jit-threshold=x", "-c", "pass"], ["-X", "tracemalloc=x", "-c", "pass"],
    ["-X", "tracemalloc=-1", "-c", "pass"], ["-X", "frozen_modules=maybe", "-c", "pass"],
    ["-V"], ["--version"], ["-VV"], ["-V", "-V"], ["-Vc", "pass"],
    ["-h"], ["-?"], ["--help"], ["--help-env"], ["--help-xoptions"], ["--help-all"],
]

# PYTHON* variables, each with the probe alone, then under -E and -I.
VARIABLES = [
    {"PYTHONPATH": "elsewhere"}, {"PYTHONDONTWRITEBYTECODE": "1"},
    {"PYTHONDONTWRITEBYTECODE": "0"}, {"PYTHONSAFEPATH": "1"}, {"PYTHONUTF8": "1"},
    {"PYTHONUTF8": "0"}, {"PYTHONDEVMODE": "1"}, {"PYTHONWARNINGS": "error"},
    {"PYTHONWARNINGS": "ignore,default::DeprecationWarning"}, {"PYTHONOPTIMIZE": "1"},
    {"PYTHONOPTIMIZE": "2"}, {"PYTHONDEBUG": "1"}, {"PYTHONNOUSERSITE": "1"},
    {"PYTHONUNBUFFERED": "1"}, {"PYTHONWARNDEFAULTENCODING": "1"},
    {"PYTHONINTMAXSTRDIGITS": "1000"}, {"PYTHONPYCACHEPREFIX": "cache"},
    {"PYTHONFAULTHANDLER": "1"}, {"PYTHONHASHSEED": "0"}, {"PYTHONIOENCODING": "latin-1"},
    {"PYTHONINSPECT": "1"}, {"PYTHONVERBOSE": "1"}, {"PYTHONPROFILEIMPORTTIME": "1"},
    {"PYTHONSTARTUP": "startup.py"}, {"PYTHONBREAKPOINT": "0"}, {"PYTHONMALLOC": "malloc"},
    {"PYTHONTRACEMALLOC": "1"}, {"PYTHONNODEBUGRANGES": "1"}, {"PYTHONUSERBASE": "userbase"},
    {"PYTHONCASEOK": "1"}, {"PYTHONEXECUTABLE": "/nowhere/python"},
    {"PYTHONPLATLIBDIR": "lib"}, {"PYTHONCOERCECLOCALE": "0"},
]

# Variables with programs that show their effect.
VARIABLE_PROGRAMS = [
    ({"PYTHONHASHSEED": "0"}, ["-c", "print(hash('pvm'), hash(b'pvm'))"]),
    ({"PYTHONTRACEMALLOC": "3"}, ["-c", TRACING]),
    ({"PYTHONTRACEMALLOC": " +2"}, ["-X", "tracemalloc=0", "-c", TRACING]),
    ({"PYTHONTRACEMALLOC": "x"}, ["-c", "pass"]),
    ({"PYTHONTRACEMALLOC": "x"}, ["-E", "-c", TRACING]),
    ({"PYTHONHASHSEED": "12345"}, ["-c", "print(hash('pvm'), hash((1, 'a')))"]),
    ({"PYTHONIOENCODING": "ascii:backslashreplace"}, ["unicode.py"]),
    ({"PYTHONIOENCODING": "ascii"}, ["unicode.py"]),
    ({"PYTHONUTF8": "1"}, ["-c", "import sys, locale; print(sys.stdout.encoding, "
                                 "locale.getpreferredencoding(False))"]),
    ({"PYTHONBREAKPOINT": "0"}, ["-c", "breakpoint(); print('skipped')"]),
    ({"PYTHONBREAKPOINT": "builtins.print"}, ["-c", "breakpoint('called')"]),
    ({"PYTHONINTMAXSTRDIGITS": "1000"}, ["-c", "str(10 ** 1500)"]),
    ({"PYTHONPATH": "elsewhere"}, ["-c", "import on_path"]),
    ({"PYTHONPATH": "elsewhere"}, ["-I", "-c", "import on_path"]),
    ({"PYTHONWARNINGS": "error"}, ["warns.py"]),
    ({"PYTHONDEVMODE": "1"}, ["warns.py"]),
    ({"PYTHONSTARTUP": "startup.py"}, ["-i"]),
    ({"PYTHONINSPECT": "1"}, ["-c", "raise SystemExit(3)"]),
    ({"PYTHONUTF8": "2"}, ["-c", "pass"]), ({"PYTHONUTF8": "2"}, ["-E", "-c", "pass"]),
    ({"PYTHONINTMAXSTRDIGITS": "1"}, ["-c", "pass"]),
    ({"PYTHONINTMAXSTRDIGITS": "1"}, ["-I", "-c", "pass"]),
    ({"PYTHONPROFILEIMPORTTIME": "1"}, ["-E", "-c", "pass"]),
    ({"PYTHONHOME": "/nowhere"}, ["-E", "-c", "print('home ignored')"]),
    ({"PYTHONUNBUFFERED": "1"}, ["-c", ORDER]),
    ({"PYTHONUNBUFFERED": "1", "PYTHONHASHSEED": "0"}, ["-c", ORDER]),
    ({"PYTHONHASHSEED": "0", "PYTHONWARNINGS": "error", "PYTHONOPTIMIZE": "1"},
     ["-c", PROBE]),
]


def all_cases():
    """Every case, in a fixed order, without repeats."""
    cases = []
    for options in OPTIONS:
        cases.append(Case(tuple(options + ["-c", PROBE])))
    for form, (arguments, stdin) in FORMS.items():
        for options in FORM_OPTIONS:
            cases.append(Case(tuple(options + arguments), stdin))
    for arguments, stdin in PROGRAMS:
        cases.append(Case(tuple(arguments), stdin))
    for arguments in REFUSED:
        cases.append(Case(tuple(arguments)))
    for variables in VARIABLES:
        for options in ([], ["-E"], ["-I"]):
            cases.append(Case(tuple(options + ["-c", PROBE]),
                              environment=tuple(variables.items())))
    for variables, arguments in VARIABLE_PROGRAMS:
        cases.append(Case(tuple(arguments), environment=tuple(variables.items())))
    return list(dict.fromkeys(cases))


# Where pvm may differ, by case name, and why.
_GET_CODE = ("importlib's SourceLoader.get_code is a host function in pvm (it reads pvm's "
             "cache files): a traceback through it lacks its frame")
_HELP = ("pvm's help texts are its own: they say what pvm does with each option "
         "(tests/test_flags.py checks that each lists every option python's lists)")
_VERBOSE = ("-v shows importlib's messages only; CPython's C start-up has its own, and its "
            "start-up imports differ from pvm's")
_IMPORT_TIME = ("the times differ, and so do the start-up imports before the program's "
                "(tests/test_flags.py compares the rows of a program's own imports)")
EXPECTED_DIFFERENCES = {
    "-m package.bad": _GET_CODE,
    "-b -c \"print(str(b'x'), b'x' == 'x')\"": "pvm issues no BytesWarning (README)",
    "-bb -c \"print(b'x' == 'x')\"": "pvm issues no BytesWarning (README)",
    "-X warn_default_encoding -c open('hello.py').close()":
        "the EncodingWarning comes from the host's C io module, which reads the host's "
        "configuration, not the guest's sys.flags",
    "-v -c pass": _VERBOSE,
    "PYTHONVERBOSE=1 -c PROBE": _VERBOSE,
    "-X importtime -c pass": _IMPORT_TIME,
    "PYTHONPROFILEIMPORTTIME=1 -c PROBE": _IMPORT_TIME,
    "-X jit-threshold=x -c pass": "an -X option of pvm's own, whose value pvm checks; "
                                  "python records any -X option",
    "-h": _HELP, "-?": _HELP, "--help": _HELP, "--help-env": _HELP,
    "--help-xoptions": _HELP, "--help-all": _HELP,
}


# -- running --------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Outcome:
    status: int
    stdout: str
    stderr: str


def base_environment():
    """The caller's environment without its PYTHON* variables."""
    return {name: value for name, value in os.environ.items()
            if not name.startswith("PYTHON")}


def run_case(command, case, folder, timeout):
    environment = base_environment()
    environment.update(case.environment)
    try:
        # A case without input reads an empty stdin, not the caller's (-i would wait).
        result = subprocess.run([*command, *case.arguments], cwd=folder, env=environment,
                                input=case.stdin or "", capture_output=True, text=True,
                                errors="backslashreplace", timeout=timeout)
    except subprocess.TimeoutExpired:
        return Outcome(-1, "", "timed out after %s s" % timeout)
    return Outcome(result.returncode, result.stdout, result.stderr)


_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def normalized(outcome, executable):
    """``outcome`` with the interpreter's path and addresses replaced."""
    def clean(text):
        return _ADDRESS.sub(" at ADDRESS", text.replace(executable, "PYTHON"))
    return Outcome(outcome.status, clean(outcome.stdout), clean(outcome.stderr))


def describe(python, pvm):
    """The lines that tell ``python``'s outcome from ``pvm``'s."""
    lines = []
    if python.status != pvm.status:
        lines.append("  exit status: python3 %d, pvm %d" % (python.status, pvm.status))
    for stream in ("stdout", "stderr"):
        expected, actual = getattr(python, stream), getattr(pvm, stream)
        if expected != actual:
            lines.extend("  " + line for line in difflib.unified_diff(
                expected.splitlines(), actual.splitlines(), "python3 " + stream,
                "pvm " + stream, lineterm=""))
    return lines


def compare(cases, python, jobs=2, timeout=300.0):
    """{case name: (python's outcome, pvm's)}, both normalized."""
    pvm = launcher.launcher(python)
    if not pvm:
        raise SystemExit("no folder can hold pvm's launcher")
    with tempfile.TemporaryDirectory() as folder:
        make_fixture(folder)

        def both(case):
            return case.name, (normalized(run_case([python], case, folder, timeout), python),
                               normalized(run_case([pvm], case, folder, timeout), pvm))
        with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
            return dict(pool.map(both, cases))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("patterns", nargs="*", metavar="PATTERN",
                        help="only the cases whose name matches (glob or substring)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--python", default=sys.executable,
                        help="the oracle, and pvm's host (default: this python)")
    parser.add_argument("--list", action="store_true", help="list the cases and stop")
    parser.add_argument("--diffs", action="store_true",
                        help="show the expected differences too")
    arguments = parser.parse_args(argv)
    cases = [case for case in all_cases() if not arguments.patterns or any(
        fnmatch.fnmatch(case.name, pattern) or pattern in case.name
        for pattern in arguments.patterns)]
    if arguments.list:
        for case in cases:
            print(case.name)
        return 0
    results = compare(cases, arguments.python, arguments.jobs, arguments.timeout)
    identical = expected = 0
    problems = []
    for case in cases:
        python, pvm = results[case.name]
        reason = EXPECTED_DIFFERENCES.get(case.name)
        if python == pvm:
            identical += 1
            if reason is not None:
                problems.append("%s: identical, but listed as a difference (%s)"
                                % (case.name, reason))
        elif reason is not None:
            expected += 1
            if arguments.diffs:
                print("%s: differs as expected: %s" % (case.name, reason))
                print("\n".join(describe(python, pvm)))
        else:
            problems.append("%s: differs\n%s" % (case.name, "\n".join(describe(python, pvm))))
    for problem in problems:
        print(problem)
    print("command lines: %d; identical %d; expected differences %d; unexpected %d"
          % (len(cases), identical, expected, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
