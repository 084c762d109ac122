"""The differential program corpus: each program under tests/programs/ must give the same
stdout, stderr and exit status under pvm as under the host ``python3``.

The expected results are python3's, produced at test time by scripts/run_programs.py
(which owns discovery, invocation and comparison). Programs pvm fails today are listed in
tests/programs/known_failures.txt and run as strict xfails: when pvm starts passing one,
the test fails until the list is updated (``scripts/run_programs.py --update-known-failures``).
"""

import pytest

import run_programs

PROGRAMS = run_programs.discover_programs()
KNOWN_FAILURES = run_programs.read_known_failures()


def _parameters():
    for program in PROGRAMS:
        marks = ()
        if program in KNOWN_FAILURES:
            marks = pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[program])
        yield pytest.param(program, marks=marks, id=program)


@pytest.mark.parametrize("program", _parameters())
def test_program(program):
    comparison = run_programs.compare_program(program)
    assert comparison.passed, comparison.describe()


def test_corpus_size():
    assert len(PROGRAMS) >= 400


def test_known_failures_are_programs():
    assert sorted(set(KNOWN_FAILURES) - set(PROGRAMS)) == []


def test_no_program_shadows_a_standard_module():
    assert run_programs.shadowing_names(PROGRAMS) == []
