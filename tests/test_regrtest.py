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


def test_each_module_is_reported_as_it_finishes(monkeypatch, capsys):
    """A module's row is printed when it finishes, before the next module is done: a run
    stopped half-way (here by the second module's failure) keeps the rows it printed."""
    import regrtest

    def run_module(name, timeout, cpython_only_tests, pvm_options):
        assert pvm_options == ["-Xtier=1"]
        if name == "test_second":
            raise KeyboardInterrupt
        return name, 3, 2, 1, [("test_a", ("fail", "boom"))], 1, "exit 0"

    monkeypatch.setattr(regrtest, "run_module", run_module)
    try:
        regrtest.main(["--pvm-option=-Xtier=1", "test_first", "test_second"])
    except KeyboardInterrupt:
        pass
    else:
        raise AssertionError("the second module's interruption was lost")
    header, row = capsys.readouterr().out.splitlines()
    assert header.split()[0] == "module"
    assert row.split() == ["test_first", "3", "2", "1", "50.0%", "1", "exit", "0"]
