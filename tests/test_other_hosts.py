"""Host versions: pvm runs programs on CPython 3.11 only, and its front end runs on
newer hosts too (the guest language stays 3.11).

On each newer host, pvm parses and tokenizes a sample program; the result must equal
what pvm gives under the host running the tests (3.11, the oracle's version).  Other
3.11 releases run the sample program as this one does, and the corpus programs whose
output CPython changed between 3.11 releases as their own release does; every other
host refuses to run programs with one line and exit status 1.  The hosts are those installed on the machine
(pyenv's and the system's); a host that is missing is skipped.
"""

import glob
import os
import re
import subprocess
import sys

import pytest

PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OTHER_HOST_VERSIONS = ("3.12.1", "3.13.0")
SAMPLE = os.path.join(PROJECT_ROOT, "examples", "tour.py")

# ast.dump's format changes between hosts (3.13 leaves out empty fields), so the probe
# describes the tree by what does not: its source text and every node's type and position.
PROBE = """
import ast, io, sys, pvm
from pvm import tokenize
source = open(sys.argv[1], encoding="utf-8").read()
tree = pvm.parse(source)
print(ast.unparse(tree))
print([(type(node).__name__, getattr(node, "lineno", None), getattr(node, "col_offset", None),
        getattr(node, "end_lineno", None), getattr(node, "end_col_offset", None))
       for node in ast.walk(tree)])
print([tuple(token) for token in tokenize.generate_tokens(io.StringIO(source).readline)])
"""


def _expected_output():
    result = subprocess.run([sys.executable, "-c", PROBE, SAMPLE], capture_output=True,
                            text=True, cwd=PROJECT_ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("version", OTHER_HOST_VERSIONS)
def test_pvm_runs_on_newer_host(version):
    host = os.path.expanduser(f"~/.pyenv/versions/{version}/bin/python3")
    if not os.path.exists(host):
        pytest.skip(f"{host} is not installed on this machine")
    result = subprocess.run([host, "-c", PROBE, SAMPLE], capture_output=True, text=True,
                            cwd=PROJECT_ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == _expected_output()


def _hosts():
    """(version, path) of the pythons installed here besides the one running the tests."""
    # bin/python: Python 2 has no python3.
    paths = glob.glob(os.path.expanduser("~/.pyenv/versions/*/bin/python"))
    paths += glob.glob("/usr/bin/python3.[0-9]*")
    running = os.path.realpath(sys.executable)
    hosts = {}
    for path in paths:
        if os.path.realpath(path) == running or path.endswith("-config"):
            continue
        version = subprocess.run([path, "-c", "import sys; print(sys.version.split()[0])"],
                                 capture_output=True, text=True, timeout=60).stdout.strip()
        if version:
            hosts.setdefault(version, path)
    return sorted(hosts.items())


HOSTS = _hosts()
OTHER_3_11 = [path for version, path in HOSTS if version.startswith("3.11.")]
NOT_3_11 = [(version, path) for version, path in HOSTS if not version.startswith("3.11.")]


def _run_sample(*command):
    """(exit status, stdout, stderr) of ``command`` run on the sample; the sample prints
    a function, whose address changes from run to run."""
    result = subprocess.run([*command, SAMPLE], capture_output=True, text=True,
                            cwd=PROJECT_ROOT, timeout=600)
    return tuple(re.sub(" at 0x[0-9a-f]+", " at ADDRESS", output) if isinstance(output, str)
                 else output for output in (result.returncode, result.stdout, result.stderr))


@pytest.mark.skipif(not OTHER_3_11, reason="no other CPython 3.11 release is installed")
@pytest.mark.parametrize("host", OTHER_3_11)
def test_pvm_runs_on_other_3_11_release(host):
    """That host is the oracle: pvm on it must do what it does."""
    assert _run_sample(host, "-m", "pvm") == _run_sample(host)


@pytest.mark.skipif(not NOT_3_11, reason="no host other than 3.11 is installed")
@pytest.mark.parametrize("version, host", NOT_3_11, ids=[version for version, _ in NOT_3_11])
def test_other_hosts_refuse_in_one_line(version, host):
    status, stdout, stderr = _run_sample(host, "-m", "pvm")
    assert (status, stdout) == (1, "")
    assert stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    assert version in stderr


# The corpus programs that show behaviour CPython changed between 3.11 releases and pvm
# implements itself (each change is named where pvm checks sys.version_info).
RELEASE_DEPENDENT_PROGRAMS = (
    "tracebacks/long_line_markers.py",              # 3.11.6: markers past a ')'
    "tracebacks/replaced_line_table.py",            # 3.11.7: tb_lineno None, not -1
    "tracebacks/traceback_objects_made_and_relinked.py",   # 3.11.7: tb_lineno a getset
    "exceptions/escape_warning_once.py",            # 3.11.7: no second warning
    "exceptions/except_star_single_raise.py",       # 3.11.4: a lone raise unwrapped
    "statements/error_positions_by_release.py",     # 3.11.4, 3.11.6, 3.11.7: errors
    "tracebacks/syntax_error_printed.py",           # 3.11.6: a SyntaxError's notes
)


@pytest.mark.skipif(not OTHER_3_11, reason="no other CPython 3.11 release is installed")
@pytest.mark.parametrize("host", OTHER_3_11)
@pytest.mark.parametrize("program", RELEASE_DEPENDENT_PROGRAMS)
def test_programs_follow_the_release_pvm_runs_on(host, program):
    """That host is the oracle of the program, and runs pvm."""
    import run_programs     # scripts/, which conftest.py puts on sys.path
    comparison = run_programs.compare_program(program, host, timeout=300)
    assert comparison.passed, comparison.describe()
