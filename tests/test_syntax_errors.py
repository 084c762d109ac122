"""Bad input: pvm.parse rejects what CPython rejects, as CPython does.

Two sources of bad input, both judged against the host at test time:

- CPython's own bad-syntax cases, read from the host's test suite by
  scripts/badsyntax.py (all of them: they take about a second on the host);
- a quick fuzz: a few hundred mutated corpus statements (scripts/fuzz.py,
  fixed seed).

The parser's targets on the cases whose error comes from CPython's tokenizer
or parser: a SyntaxError (or the right subclass) every time, the same lineno
on >= 95 % of them, the same msg on >= 80 %.
"""

import ast
import warnings

import pytest

import badsyntax
import corpus
import fuzz

LINENO_TARGET = 0.95
MSG_TARGET = 0.80
FUZZ_CASES = 300
FUZZ_SEED = 20261122


@pytest.fixture(scope="module")
def parse():
    # Imported here, not at the top: a broken pvm fails these tests, not the collection
    # of the whole suite.
    from pvm import parse
    return parse


@pytest.fixture(scope="module")
def collected():
    return badsyntax.collect_cases()


@pytest.fixture(scope="module")
def verdicts(parse, collected):
    return badsyntax.run_cases(parse, collected)


def _listing(verdicts, limit=15):
    lines = [f"{verdict.case.origin} {verdict.case.source!r:.60}: host "
             f"{verdict.expected.brief()} / pvm {verdict.pvm.brief()}" for verdict in verdicts]
    more = f"\n... {len(lines) - limit} more" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more


def test_the_case_collection_finds_cases_of_both_levels(collected):
    levels = [level for _, level, _, _ in collected]
    # Counts on CPython 3.11.7: 738 parser-level, 106 compiler-level.
    assert levels.count("parser") > 500
    assert levels.count("compiler") > 50


def test_every_parser_level_case_raises_a_syntax_error(verdicts):
    wrong = [verdict for verdict in verdicts if verdict.level == "parser"
             and not badsyntax.is_syntax_error_class(verdict.pvm.error_class)]
    assert not wrong, _listing(wrong)


def test_the_syntax_error_subclass_matches(verdicts):
    wrong = [verdict for verdict in verdicts if verdict.level == "parser"
             and verdict.pvm.error_class != verdict.expected.error_class]
    assert not wrong, _listing(wrong)


def test_lineno_agrees_on_most_cases(verdicts):
    rate = badsyntax.parser_agreement(verdicts)["same lineno"]
    wrong = [verdict for verdict in verdicts if verdict.level == "parser"
             and verdict.pvm.lineno != verdict.expected.lineno]
    assert rate >= LINENO_TARGET, f"lineno agrees on {100 * rate:.1f} %\n" + _listing(wrong)


def test_msg_agrees_on_most_cases(verdicts):
    rate = badsyntax.parser_agreement(verdicts)["same msg"]
    wrong = [verdict for verdict in verdicts if verdict.level == "parser"
             and verdict.pvm.msg != verdict.expected.msg]
    assert rate >= MSG_TARGET, f"msg agrees on {100 * rate:.1f} %\n" + _listing(wrong)


def test_errors_of_later_stages_are_not_the_parsers(verdicts):
    """'return' outside function and such parse fine: ast.parse builds their tree."""
    wrong = [verdict for verdict in verdicts if verdict.level == "compiler"
             and not (verdict.pvm.accepted and verdict.pvm.dump == verdict.host_ast)]
    assert not wrong, _listing(wrong)


@pytest.fixture(scope="module")
def fuzz_sources():
    return fuzz.mutation_cases(corpus.sample_files(60), FUZZ_SEED, FUZZ_CASES)


@pytest.fixture(scope="module")
def fuzz_verdicts(parse, fuzz_sources):
    return [(source, fuzz.check_case(parse, source)) for source in fuzz_sources]


def _fuzz_listing(failures, limit=10):
    return "\n".join(f"{verdict}: {detail} <- {source!r:.100}"
                     for source, (verdict, detail) in failures[:limit])


def test_fuzz_raises_nothing_but_syntax_errors(fuzz_verdicts):
    failures = [(source, outcome) for source, outcome in fuzz_verdicts
                if outcome[0].startswith("pvm raised") or outcome[0] == "timeout"]
    assert not failures, _fuzz_listing(failures)


def test_fuzz_agrees_on_validity(fuzz_verdicts):
    failures = [(source, outcome) for source, outcome in fuzz_verdicts
                if outcome[0] in ("pvm rejects valid source", "pvm accepts invalid source",
                                  "AST differs", "pvm returned no AST")]
    assert not failures, _fuzz_listing(failures)


def test_fuzz_syntax_errors_carry_their_position(fuzz_verdicts):
    failures = [(source, outcome) for source, outcome in fuzz_verdicts
                if outcome[0].startswith("SyntaxError without")]
    assert not failures, _fuzz_listing(failures)


def test_fuzz_sources_are_mostly_invalid(fuzz_sources):
    """The mutations must break most sources, or this fuzz tests little."""
    invalid = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SyntaxWarnings of the broken sources
        for source in fuzz_sources:
            try:
                ast.parse(source)
            except SyntaxError:
                invalid += 1
    assert len(fuzz_sources) == FUZZ_CASES
    assert invalid >= FUZZ_CASES // 2
