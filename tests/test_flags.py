"""python's command-line options and PYTHON* environment variables: a matrix of
command lines run under python3 and under pvm, comparing exit status,
stdout and stderr.

Every expected result is the host python's, run here on the same command line in the
same folder with the same environment.  The one difference allowed everywhere is the
name of the program in python's own messages: python names its executable's path
(its argv[0]), pvm its launcher's path, or itself under ``python3 -m pvm``
(``normalized`` replaces them all).  Where pvm must say
something else (its help texts), the test says what and why.
"""

import os
import re
import sys
import zipfile

import pytest

from subprocesses import LAUNCHER, REPOSITORY_FOLDER, run, run_python

# Prints what the options decide, in a form that is the same for both interpreters.
PROBE = """\
import sys, warnings
print(sys.flags)
print(sys._xoptions)
print(sys.warnoptions)
print([(action, category.__name__, module) for action, message, category, module, line
       in warnings.filters])
print(sys.path[0] if sys.path else None, sys.argv)
print(sys.dont_write_bytecode, sys.pycache_prefix, __debug__)
print(sys.get_int_max_str_digits())
import faulthandler
print("faulthandler", faulthandler.is_enabled())
try:
    import beside_probe
    print("the probe's folder is searched")
except ImportError:
    print("the probe's folder is not searched")
try:
    import on_python_path
    print("PYTHONPATH is searched")
except ImportError:
    print("PYTHONPATH is not searched")
"""

# Each way of naming the program: (arguments after the options, stdin).
FORMS = {
    "command": (["-c", PROBE, "first", "second"], None),
    "module": (["-m", "probe", "first"], None),
    "file": (["probe.py", "first"], None),
    "stdin_dash": (["-", "first"], PROBE),
    "stdin": ([], PROBE),
}

OPTIONS = [
    [], ["-I"], ["-E"], ["-P"], ["-s"], ["-S"], ["-b"], ["-bb"], ["-bbb"], ["-q"], ["-qq"],
    ["-d"], ["-O"], ["-OO"], ["-B"], ["-u"], ["-R"], ["-t"],
    ["-X", "dev"], ["-Xdev"], ["-X", "dev=x"], ["-X", "utf8"], ["-X", "utf8=0"],
    ["-X", "utf8=1"], ["-X", "utf8=0", "-X", "utf8=1"], ["-X", "a=b"], ["-X", "a"],
    ["-X", "a=b", "-X", "a=c", "-X", "c=="], ["-X", "warn_default_encoding"],
    ["-X", "int_max_str_digits=640"], ["-X", "int_max_str_digits=0"],
    ["-X", "faulthandler"], ["-X", "pycache_prefix=cache"],
    ["-W", "error"], ["-Werror"], ["-W", "ignore", "-W", "always::DeprecationWarning"],
    ["-b", "-W", "ignore"], ["-X", "dev", "-W", "error", "-bb"],
    ["--check-hash-based-pycs", "always"], ["-IE"], ["-Esq"], ["-qbI"], ["-I", "-S"],
    ["-P", "-s", "-E"], ["-OOBb"],
]


def option_id(options):
    return " ".join(options) or "no_option"


@pytest.fixture
def folder(tmp_path):
    """A folder holding the probe (as probe.py, also for -m), a module beside it and
    one on a folder that PYTHONPATH names."""
    (tmp_path / "probe.py").write_text(PROBE)
    (tmp_path / "beside_probe.py").write_text("")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "on_python_path.py").write_text("")
    return tmp_path


def normalized(output):
    """``output`` with the program's name in python's messages replaced by PROGRAM."""
    output = output.replace(sys.executable, "PROGRAM").replace(LAUNCHER, "PROGRAM")
    output = re.sub(r"^usage: pvm ", "usage: PROGRAM ", output, flags=re.MULTILINE)
    output = re.sub(r"^pvm: can't open file ", "PROGRAM: can't open file ", output,
                    flags=re.MULTILINE)
    return output


# How pvm is started: as ``python3 -m pvm``, where the host python reads the PYTHON*
# variables as it starts, and by the launcher a pvm program's sys.executable names,
# where it reads none of them (pvm.world.launcher).
PVM_COMMANDS = {"module": [sys.executable, "-m", "pvm"], "launcher": [LAUNCHER]}


def run_pvm(arguments, folder, stdin=None, started_by="module", **extra):
    return run(PVM_COMMANDS[started_by] + arguments, folder, stdin, **extra)


def assert_same(arguments, folder, stdin=None, started_by="module", **extra):
    """Run ``arguments`` under both; their exit status, stdout and stderr must agree."""
    python = run_python(arguments, folder, stdin, **extra)
    pvm = run_pvm(arguments, folder, stdin, started_by, **extra)
    assert (pvm[0], normalized(pvm[1]), normalized(pvm[2])) == \
        (python[0], normalized(python[1]), normalized(python[2]))
    return python


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("options", OPTIONS, ids=option_id)
def test_options(folder, options, form):
    arguments, stdin = FORMS[form]
    assert_same(options + arguments, folder, stdin)


# (options, environment variables); the program is the probe given with -c.  Each
# variable alone, then under -E and -I, which must leave it out.
VARIABLES = [
    {"PYTHONPATH": "elsewhere"}, {"PYTHONDONTWRITEBYTECODE": "1"},
    {"PYTHONDONTWRITEBYTECODE": "0"}, {"PYTHONDONTWRITEBYTECODE": "x"},
    {"PYTHONSAFEPATH": "1"}, {"PYTHONSAFEPATH": ""}, {"PYTHONUTF8": "1"},
    {"PYTHONUTF8": "0"}, {"PYTHONDEVMODE": "1"}, {"PYTHONWARNINGS": "error"},
    {"PYTHONWARNINGS": "ignore,,default::DeprecationWarning"}, {"PYTHONOPTIMIZE": "1"},
    {"PYTHONOPTIMIZE": "2"}, {"PYTHONOPTIMIZE": "x"}, {"PYTHONOPTIMIZE": "-3"},
    {"PYTHONDEBUG": "1"}, {"PYTHONNOUSERSITE": "1"}, {"PYTHONUNBUFFERED": "1"},
    {"PYTHONWARNDEFAULTENCODING": "1"}, {"PYTHONINTMAXSTRDIGITS": "1000"},
    {"PYTHONPYCACHEPREFIX": "cache"}, {"PYTHONFAULTHANDLER": "1"},
    {"PYTHONDEVMODE": "1", "PYTHONWARNINGS": "error"},
]


def variable_id(variables):
    return ",".join("%s=%s" % item for item in variables.items())


@pytest.mark.parametrize("started_by", sorted(PVM_COMMANDS))
@pytest.mark.parametrize("options", [[], ["-E"], ["-I"]], ids=option_id)
@pytest.mark.parametrize("variables", VARIABLES, ids=variable_id)
def test_environment_variables(folder, variables, options, started_by):
    variables = dict(variables)
    if "PYTHONPATH" in variables:
        # The children find pvm through PYTHONPATH, so its folder stays on it.
        variables["PYTHONPATH"] = os.pathsep.join(
            [REPOSITORY_FOLDER, str(folder / variables["PYTHONPATH"])])
    assert_same(options + ["-c", PROBE], folder, started_by=started_by, **variables)


@pytest.mark.parametrize("options", [[], ["-O"], ["-X", "dev"], ["-E"], ["-W", "error"]],
                         ids=option_id)
def test_command_line_over_environment(folder, options):
    assert_same(options + ["-c", PROBE], folder, PYTHONOPTIMIZE="1", PYTHONDEVMODE="1",
                PYTHONWARNINGS="ignore", PYTHONUTF8="0")


# Command lines python refuses or answers without running anything.
REFUSED = [
    ["--foo"], ["-Z"], ["-J"], ["-c"], ["-m"], ["-W"], ["-X"], ["-bZ"],
    ["--check-hash-based-pycs"], ["--check-hash-based-pycs", "sometimes"],
    ["-X", "utf8=2", "-c", "pass"], ["-X", "utf8=0", "-X", "utf8=x", "-c", "pass"],
    ["-X", "int_max_str_digits=5", "-c", "pass"], ["-X", "int_max_str_digits", "-c", "pass"],
    ["-X", "int_max_str_digits=x", "-c", "pass"],
    ["-V"], ["--version"], ["-VV"], ["-V", "-V"], ["-VVV"], ["-V", "-c", "pass"],
    ["-Vc", "pass"], ["-V", "--foo"], ["-c", "print(1)", "-V"],
    ["-c", "import sys; print(sys.argv)", "--help-env", "-h"],
]


@pytest.mark.parametrize("arguments", REFUSED, ids=option_id)
def test_refused_and_version(folder, arguments):
    assert_same(arguments, folder)


@pytest.mark.parametrize("variables", [{"PYTHONUTF8": "2"}, {"PYTHONINTMAXSTRDIGITS": "1"},
                                       {"PYTHONINTMAXSTRDIGITS": "x"}], ids=variable_id)
def test_refused_environment(folder, variables):
    assert_same(["-c", "pass"], folder, **variables)


# (Under ``python3 -m pvm`` the host refuses them as it starts, before pvm reads -E.)
@pytest.mark.parametrize("variables", [{"PYTHONUTF8": "2"}, {"PYTHONINTMAXSTRDIGITS": "1"}],
                         ids=variable_id)
def test_refused_environment_ignored(folder, variables):
    assert_same(["-E", "-c", "print('ignored')"], folder, started_by="launcher", **variables)


HELP_OPTIONS = ["-h", "-?", "--help", "--help-env", "--help-xoptions", "--help-all"]


def listed_options(text):
    """The options and variables a help text lists: the names that start its lines."""
    return {match.group(1) for match in
            re.finditer(r"^(-[-\w?]+|PYTHON\w+|-X \w+)", text, re.MULTILINE)}


@pytest.mark.parametrize("arguments", [[option] for option in HELP_OPTIONS]
                         + [["-V", "-h"], ["--help-env", "--help-xoptions"],
                            ["--help-xoptions", "-h"], ["-h", "-c", "pass"],
                            ["-qh"]], ids=option_id)
def test_help(folder, arguments):
    """pvm's help texts are its own (they say what pvm does with each option), so they
    are not python's word for word: each must list every option and variable python's
    lists, and be printed for the same command lines, with the same exit status."""
    python = run_python(arguments, folder)
    pvm = run_pvm(arguments, folder)
    assert pvm[0] == python[0] == 0
    assert pvm[2] == python[2] == ""
    assert listed_options(python[1]) <= listed_options(pvm[1])
    # Which text: the first line says.
    assert normalized(pvm[1]).splitlines()[0] == normalized(python[1]).splitlines()[0]


def test_help_all_holds_the_others(folder):
    texts = {option: run_pvm([option], folder)[1]
             for option in ("-h", "--help-env", "--help-xoptions", "--help-all")}
    for option in ("-h", "--help-env", "--help-xoptions"):
        assert texts[option] in texts["--help-all"]


# -i with piped input: the program runs, then the prompt reads stdin, writing its
# prompts to stderr; -q leaves the banner out.
@pytest.mark.parametrize("options", [["-i"], ["-i", "-q"], ["-iq", "-I"], ["-i", "-E"]],
                         ids=option_id)
@pytest.mark.parametrize("form", ["command", "file"])
def test_inspect_after_program(folder, options, form):
    arguments = FORMS[form][0]
    assert_same(options + arguments, folder, "import sys\nsys.flags.inspect, sys.flags.quiet\n")


@pytest.mark.parametrize("program", [["-c", "import sys; print(sys.flags)"],
                                     ["-c", "raise SystemExit(3)"], ["-c", "1/0"],
                                     ["-i", "-c", "raise SystemExit(3)"], []],
                         ids=option_id)
@pytest.mark.parametrize("options", [[], ["-E"]], ids=option_id)
def test_inspect_variable(folder, options, program):
    """PYTHONINSPECT sets sys.flags.inspect, not interactive; on piped stdin it brings
    no prompt, but the program's SystemExit is reported as an exception."""
    assert_same(options + program, folder, "print('at the prompt')\n", PYTHONINSPECT="1")


def test_skip_first_line(folder):
    """-x skips a script's first line, keeping the line numbers; not stdin's."""
    (folder / "dos.py").write_text("this line is skipped\nprint('second')\n1/0\n")
    assert_same(["-x", "dos.py"], folder)
    assert_same(["-x", "-"], folder, "this line is not skipped\n")
    assert_same(["-x", "-c", "print('commands keep theirs')"], folder)


def test_isolated_ignores_shadowing_module(folder):
    """-I and -P: a module in the script's folder (or the current one) does not shadow
    the standard library's."""
    (folder / "string.py").write_text("print('the shadow ran')\n")
    (folder / "uses_string.py").write_text("import string\nprint(string.__file__)\n")
    for options in ([], ["-I"], ["-P"]):
        for program in (["-c", "import uses_string"], ["uses_string.py"],
                        ["-m", "uses_string"]):
            assert_same(options + program, folder)


IMPORT_TIME_ROW = re.compile(r"import time: +\d+ \| +\d+ \| ( *)(\S+)$")
PACKAGE = {
    "pkg/__init__.py": "from pkg import first\n",
    "pkg/first.py": "import pkg.second, pkg.third\n",
    "pkg/second.py": "import pkg.third\nimport pkg.sub.deep\n",
    "pkg/third.py": "",
    "pkg/sub/__init__.py": "",
    "pkg/sub/deep.py": "import pkg\n",
}


def import_rows(stderr):
    """-X importtime's table: the header, then (depth, module) for the rows of pkg.
    Times differ from run to run; the start-up imports before the program's differ
    between python3 and pvm (pvm's streams, encodings and codecs are the host's)."""
    lines = stderr.splitlines()
    rows = []
    for line in lines[1:]:
        match = IMPORT_TIME_ROW.match(line)
        assert match, line
        if match.group(2).partition(".")[0] == "pkg":
            rows.append((len(match.group(1)) // 2, match.group(2)))
    return lines[0], rows


@pytest.mark.parametrize("how", [{"options": ["-X", "importtime"]},
                                 {"options": ["-X", "importtime", "-S"]},
                                 {"options": [], "PYTHONPROFILEIMPORTTIME": "1"},
                                 {"options": ["-E"], "PYTHONPROFILEIMPORTTIME": "1"}],
                         ids=["option", "option_without_site", "variable", "variable_ignored"])
def test_import_time(folder, how):
    for path, text in PACKAGE.items():
        (folder / path).parent.mkdir(exist_ok=True)
        (folder / path).write_text(text)
    how = dict(how)
    arguments = how.pop("options") + ["-c", "import pkg; print('imported')"]
    python = run_python(arguments, folder, **how)
    # The launcher's host reads no PYTHONPROFILEIMPORTTIME; under ``python3 -m pvm``, the
    # host would print the table of its own imports (pvm's) before pvm runs.
    pvm = run_pvm(arguments, folder, started_by="launcher", **how)
    assert pvm[:2] == python[:2] == (0, "imported\n")
    if not python[2]:
        assert pvm[2] == ""
        return
    assert import_rows(pvm[2]) == import_rows(python[2])
    assert import_rows(python[2])[1]


# A folder or a zip file holding __main__.py runs as a program: its path comes first on
# sys.path, and __main__ is found there.  __cached__ names the cache tag, pvm-311 in pvm.
MAIN_OF_CONTAINER = """\
import sys
import zipfile
import helper
from package import inner
cached = __cached__.replace(sys.implementation.cache_tag, "TAG") if __cached__ else None
print(__name__, __spec__.name, __spec__.origin, type(__loader__).__name__, repr(__package__))
print(__file__, cached, sys.path[0], sys.argv)
print(helper.__file__, inner.__name__, inner.__spec__.parent)
print(type(sys.path_importer_cache[sys.path[0]]).__name__)
"""
CONTAINER_FILES = {"__main__.py": MAIN_OF_CONTAINER, "helper.py": "",
                   "package/__init__.py": "", "package/inner.py": ""}


def make_containers(folder):
    """app/ (a folder), app.zip, app.pyz (with a #! line before the zip, as zipapp
    writes it), empty/ and empty.zip (without __main__.py)."""
    (folder / "empty").mkdir()
    with zipfile.ZipFile(folder / "empty.zip", "w") as archive:
        archive.writestr("helper.py", "")
    with zipfile.ZipFile(folder / "app.zip", "w") as archive:
        for name, text in CONTAINER_FILES.items():
            (folder / "app" / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / "app" / name).write_text(text)
            archive.writestr(name, text)
    with open(folder / "app.pyz", "wb") as archive:
        archive.write(b"#!/usr/bin/env python3\n")
        archive.write((folder / "app.zip").read_bytes())


@pytest.mark.parametrize("options", [[], ["-I"], ["-P"], ["-S"], ["-E", "-s"], ["-O"]],
                         ids=option_id)
@pytest.mark.parametrize("container", ["app", "app.zip", "app.pyz", "empty", "empty.zip",
                                       "missing", "missing.zip"])
def test_folder_or_zip_as_program(folder, options, container):
    make_containers(folder)
    assert_same(options + [container, "argument"], folder)


# Zip files on sys.path, beside folders and paths that do not exist: modules are found
# in them, and the path finder's cache holds what python3's holds.
ZIP_ON_PATH = """\
import os, sys
import in_zip
from package import inner
print(os.path.relpath(in_zip.__file__), inner.__name__)
for entry in sys.path:
    if entry.startswith(os.getcwd()):
        print(os.path.relpath(entry), type(sys.path_importer_cache.get(entry)).__name__)
"""


def test_zip_on_path(folder):
    with zipfile.ZipFile(folder / "lib.zip", "w") as archive:
        archive.writestr("in_zip.py", "")
        archive.writestr("package/__init__.py", "")
        archive.writestr("package/inner.py", "")
    # The children find pvm through PYTHONPATH, so its folder stays on it.
    path = os.pathsep.join([REPOSITORY_FOLDER] + [str(folder / name) for name in (
        "lib.zip", "elsewhere", "missing.zip/below", "elsewhere/missing")])
    assert_same(["-c", ZIP_ON_PATH], folder, PYTHONPATH=path)


def test_folder_as_program_by_absolute_path(folder):
    make_containers(folder)
    assert_same([str(folder / "app")], folder)
    assert_same(["-i", str(folder / "app.pyz")], folder, "helper\n")
