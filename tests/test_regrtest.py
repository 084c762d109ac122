"""scripts/regrtest.py: what it counts of a CPython regression module run under pvm."""

import os
import subprocess
import sys

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _row(*options):
    """The table row of test_enumerate, whose CPython-only tests (tuple reuse, gc
    tracking) pvm skips unless asked to run them."""
    result = subprocess.run([sys.executable, os.path.join(REPOSITORY, "scripts", "regrtest.py"),
                             *options, "test_enumerate"],
                            capture_output=True, text=True, timeout=600, cwd=REPOSITORY)
    assert result.returncode == 0, result.stdout + result.stderr
    header, row, _total = result.stdout.splitlines()
    assert header.split() == ["module", "tests", "cpython", "pvm", "pvm", "%", "impl", "only",
                              "pvm", "run"]
    name, tests, cpython, pvm, _percent, implementation_only, *ending = row.split()
    assert name == "test_enumerate" and ending == ["exit", "0"]
    return int(tests), int(cpython), int(pvm), int(implementation_only)


def test_tests_kept_for_cpython_count_for_neither_side_unless_run():
    tests, cpython, pvm, implementation_only = _row()
    # Every test passes on CPython; those pvm skipped as CPython's implementation details
    # are out of both counts, and shown.
    assert implementation_only > 0 and cpython + implementation_only == tests
    assert pvm == cpython
    tests, cpython, pvm, implementation_only = _row("--cpython-only-tests")
    assert implementation_only == 0 and cpython == tests and pvm == tests
