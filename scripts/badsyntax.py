"""CPython's own bad-syntax cases, run through pvm's parser and compared with the host.

    python scripts/badsyntax.py [--show N] [--stand-in]

The cases are read afresh from the host's test suite each run (nothing is kept
as a hand-typed copy):

  - the doctest examples of test_syntax.py (compiled in 'single' mode, as
    doctest does);
  - the source strings handed to compile / eval / exec and to the tests' own
    checkers (``_check_error``, ``check``, ``ckmsg``, ``check_syntax_error``,
    ``assertRaises(SyntaxError, eval, ...)``, ``assertAllRaise``) in
    test_syntax, test_exceptions, test_fstring, test_string_literals,
    test_grammar, test_eof and test_unicode_identifiers -- found through the
    test files' ASTs, resolving constants, names bound to them, simple
    f-strings and ``%`` formats, and for-loops over constant sequences;
  - the whole files badsyntax_*.py and bad_coding*.py.

A candidate is a case only if the host's ``compile`` raises SyntaxError (or a
subclass) on it; that exception is the expected result. Cases where
``ast.parse`` already fails are parser-level (tokenizer or parser) and carry the
parser's targets: lineno agrees on >= 95 %, msg on >= 80 %. The others fail only
later, in CPython's symtable or compiler ('return' outside function, ...):
there ``pvm.parse`` must accept the source and build the host's AST.
"""

import argparse
import ast
import collections
import dataclasses
import doctest
import glob
import itertools
import os
import re
import sys
import sysconfig
import warnings

SCRIPTS_FOLDER = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [SCRIPTS_FOLDER, os.path.dirname(SCRIPTS_FOLDER)]
from conformance import (  # noqa: E402  (needs the path above)
    CaseTimeout, Frontend, describe_exception, message_and_origin, time_limit)

TEST_FOLDER = os.path.join(sysconfig.get_paths()["stdlib"], "test")

# Test files whose calls hand bad sources to the compiler.
HARVESTED_FILES = (
    "test_syntax.py", "test_exceptions.py", "test_fstring.py", "test_string_literals.py",
    "test_grammar.py", "test_eof.py", "test_unicode_identifiers.py",
)
WHOLE_FILE_PATTERNS = ("**/badsyntax_*.py", "**/bad_coding*.py")

# Calls whose first argument is a source, and the mode it is compiled in.
# A leading ``self`` argument is skipped (``check_syntax_error(self, source)``).
SOURCE_CHECKERS = {
    "compile": "exec",  # its mode argument, when given, wins
    "exec": "exec",
    "eval": "eval",
    "_check_error": "exec",  # test_syntax; takes mode=
    "check": "exec",  # test_exceptions, test_grammar
    "ckmsg": "exec",  # test_exceptions
    "check_syntax_error": "exec",  # test.support
}
EXPECTING_CALLS = ("assertRaises", "assertRaisesRegex")  # (SyntaxError, eval, source)
SYNTAX_ERROR_NAMES = ("SyntaxError", "IndentationError", "TabError")
LONGEST_SOURCE = 20_000  # longer computed strings test limits, not messages

CASE_TIMEOUT = 5.0


@dataclasses.dataclass(frozen=True)
class Case:
    origin: str  # test file and line the source came from
    source: object  # str or bytes, as the test hands it over
    mode: str


@dataclasses.dataclass(frozen=True)
class Result:
    """What a compiler or parser did with a case: accepted, or which error."""
    accepted: bool
    error_class: str = ""
    msg: str = ""
    lineno: object = None
    offset: object = None
    end_lineno: object = None
    end_offset: object = None
    text: object = None
    dump: str = ""  # the AST dump, when accepted

    @classmethod
    def from_error(cls, error):
        if not isinstance(error, SyntaxError):
            # Not a SyntaxError at all: pvm failed inside; keep where, for the reader.
            return cls(False, type(error).__name__, message_and_origin(error))
        return cls(False, type(error).__name__, error.msg, error.lineno, error.offset,
                   error.end_lineno, error.end_offset, error.text)

    def brief(self):
        if self.accepted:
            return "accepted"
        return (f"{self.error_class}: {self.msg!r} line {self.lineno} offset {self.offset}"
                f" end {self.end_lineno}:{self.end_offset}")


# --- collecting the cases --------------------------------------------------

class Unresolvable(Exception):
    pass


def _assignments(scope):
    """name -> [(line, value node)] for the simple assignments in a module or function."""
    found = {}
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name):
            found.setdefault(node.targets[0].id, []).append((node.lineno, node.value))
    return found


class Environment:
    """What names mean at one call: loop variables, then the function's, then the module's."""

    def __init__(self, scopes, loop_values):
        self.scopes = scopes  # innermost last: [module assignments, function assignments...]
        self.loop_values = loop_values

    def lookup(self, name, line):
        if name in self.loop_values:
            return self.loop_values[name]
        for index in range(len(self.scopes) - 1, -1, -1):
            # A function's names are the ones bound before the call; a module's, any.
            earlier = [(bound_line, value) for bound_line, value in self.scopes[index].get(name, ())
                       if bound_line < line or index == 0]
            if earlier:
                bound_line, value = max(earlier, key=lambda pair: pair[0])
                return evaluate(value, Environment(self.scopes[:index + 1], {}), bound_line)
        raise Unresolvable()


def evaluate(node, environment, line):
    """The value of a constant expression: literals, + * % on them, names, simple f-strings."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes, int)):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        return [evaluate(item, environment, line) for item in node.elts]
    if isinstance(node, ast.Name):
        return environment.lookup(node.id, line)
    if isinstance(node, ast.JoinedStr):
        return "".join(_evaluate_f_string_part(part, environment, line) for part in node.values)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range" \
            and not node.keywords:
        return list(range(*[evaluate(argument, environment, line) for argument in node.args]))
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mult, ast.Mod)):
        left = evaluate(node.left, environment, line)
        right = evaluate(node.right, environment, line)
        if isinstance(node.op, ast.Mult) and (
                isinstance(left, int) and left > LONGEST_SOURCE
                or isinstance(right, int) and right > LONGEST_SOURCE):
            raise Unresolvable()  # a source built to test a limit, not a message
        if isinstance(node.op, ast.Mod) and not isinstance(left, (str, bytes)):
            raise Unresolvable()
        try:
            if isinstance(node.op, ast.Add):
                return left + right
            return left * right if isinstance(node.op, ast.Mult) else left % right
        except (TypeError, ValueError):
            raise Unresolvable() from None
    raise Unresolvable()


def _evaluate_f_string_part(part, environment, line):
    if isinstance(part, ast.Constant):
        return part.value
    if part.conversion == -1 and part.format_spec is None:
        value = evaluate(part.value, environment, line)
        if isinstance(value, (str, int)):
            return str(value)
    raise Unresolvable()


def _callee_name(call):
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _source_arguments(call):
    """(source node, mode) pairs that a call hands to the compiler, if it is such a call."""
    name = _callee_name(call)
    arguments = list(call.args)
    if arguments and isinstance(arguments[0], ast.Name) and arguments[0].id == "self":
        arguments = arguments[1:]
    keywords = {keyword.arg: keyword.value for keyword in call.keywords}
    if name in SOURCE_CHECKERS and arguments:
        mode_node = arguments[2] if name == "compile" and len(arguments) > 2 \
            else keywords.get("mode")
        mode = SOURCE_CHECKERS[name]
        if isinstance(mode_node, ast.Constant) and mode_node.value in ("exec", "eval", "single"):
            mode = mode_node.value
        return [(arguments[0], mode, False)]
    if name in EXPECTING_CALLS and len(arguments) >= 3 \
            and isinstance(arguments[0], ast.Name) and arguments[0].id in SYNTAX_ERROR_NAMES \
            and isinstance(arguments[1], ast.Name) and arguments[1].id in ("eval", "exec"):
        return [(arguments[2], SOURCE_CHECKERS[arguments[1].id], False)]
    if name == "assertAllRaise" and len(arguments) >= 3:
        # test_fstring: every string of the list is eval()'d.
        return [(arguments[2], "eval", True)]
    return []


class _CallHarvester(ast.NodeVisitor):
    """Walks a module: keeps the names in scope and the loops around each call."""

    LARGEST_LOOP_PRODUCT = 1000

    def __init__(self, tree, origin_file, line_shift):
        self.origin_file = origin_file
        self.line_shift = line_shift
        self.scopes = [_assignments(tree)]
        self.loops = []  # (loop variable, its values) of the enclosing resolvable for-loops
        self.cases = []

    def visit_FunctionDef(self, node):
        self.scopes.append(_assignments(node))
        self.generic_visit(node)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_For(self, node):
        values = None
        if isinstance(node.target, ast.Name):
            try:
                values = evaluate(node.iter, Environment(self.scopes, {}), node.lineno)
            except (Unresolvable, RecursionError):
                pass
        if isinstance(values, (str, list)):
            self.loops.append((node.target.id, list(values)))
            self.generic_visit(node)
            self.loops.pop()
        else:
            self.generic_visit(node)

    def visit_Call(self, node):
        for source_node, mode, is_list in _source_arguments(node):
            for loop_values in self._loop_bindings():
                try:
                    value = evaluate(source_node, Environment(self.scopes, loop_values),
                                     node.lineno)
                except (Unresolvable, RecursionError):
                    continue
                for source in value if is_list and isinstance(value, list) else [value]:
                    if isinstance(source, (str, bytes)) and len(source) <= LONGEST_SOURCE:
                        origin = f"{self.origin_file}:{node.lineno + self.line_shift}"
                        self.cases.append(Case(origin, source, mode))
        self.generic_visit(node)

    def _loop_bindings(self):
        names = [name for name, _ in self.loops]
        combinations = itertools.product(*(values for _, values in self.loops))
        for values in itertools.islice(combinations, self.LARGEST_LOOP_PRODUCT):
            yield dict(zip(names, values))


def harvest_calls(tree, origin_file, line_shift=0):
    """Cases from the calls in one module (or one doctest example) that compile a source."""
    harvester = _CallHarvester(tree, origin_file, line_shift)
    harvester.visit(tree)
    return harvester.cases


def doctest_cases(file_name):
    """test_syntax's doctest examples ('single' mode), and the sources they compile."""
    path = os.path.join(TEST_FOLDER, file_name)
    with open(path, encoding="utf-8") as file:
        module = ast.parse(file.read())
    docstring_node = module.body[0].value
    examples = doctest.DocTestParser().get_examples(ast.get_docstring(module, clean=False))
    cases = []
    for example in examples:
        line = docstring_node.lineno + example.lineno
        cases.append(Case(f"{file_name}:{line} (doctest)", example.source, "single"))
        try:
            example_tree = ast.parse(example.source)
        except SyntaxError:
            continue
        cases.extend(harvest_calls(example_tree, file_name, line - 1))
    return cases


def whole_file_cases():
    cases = []
    for pattern in WHOLE_FILE_PATTERNS:
        for path in sorted(glob.glob(os.path.join(TEST_FOLDER, pattern), recursive=True)):
            with open(path, "rb") as file:
                cases.append(Case(os.path.relpath(path, TEST_FOLDER), file.read(), "exec"))
    return cases


def candidate_cases():
    with warnings.catch_warnings():
        # The test files hold invalid escape sequences (on purpose, some of them).
        warnings.simplefilter("ignore")
        cases = doctest_cases("test_syntax.py")
        for file_name in HARVESTED_FILES:
            with open(os.path.join(TEST_FOLDER, file_name), "rb") as file:
                tree = ast.parse(file.read())
            cases.extend(harvest_calls(tree, file_name))
    cases.extend(whole_file_cases())
    unique = {}
    for case in cases:
        unique.setdefault((type(case.source), case.source, case.mode), case)
    return list(unique.values())


# --- running them ----------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Verdict:
    case: Case
    level: str  # "parser": ast.parse rejects it; "compiler": only compile() does
    expected: Result  # the host's error (for "compiler" cases, compile()'s)
    host_ast: str  # for "compiler" cases, the dump pvm.parse must reproduce
    pvm: Result


def host_result(case):
    """(level, expected Result, host AST dump), or None when the case is no bad-syntax case."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(case.source, "<case>", case.mode, dont_inherit=True)
        except SyntaxError as error:
            compile_error = error
        except Exception:  # MemoryError, ValueError (null bytes)...: not a syntax case
            return None
        else:
            return None
        try:
            tree = ast.parse(case.source, "<case>", case.mode)
        except SyntaxError as error:
            return "parser", Result.from_error(error), ""
    return "compiler", Result.from_error(compile_error), ast.dump(tree, include_attributes=True)


def pvm_result(parse, case):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with time_limit(CASE_TIMEOUT):
                tree = parse(case.source, "<case>", case.mode)
            return Result(True, dump=ast.dump(tree, include_attributes=True))
        except CaseTimeout:
            return Result(False, "Timeout", f"no result within {CASE_TIMEOUT} s")
        except Exception as error:
            return Result.from_error(error)


def collect_cases():
    """[(case, level, expected, host AST dump)] for every candidate the host rejects."""
    collected = []
    for case in candidate_cases():
        outcome = host_result(case)
        if outcome is not None:
            collected.append((case,) + outcome)
    return collected


def run_cases(parse, collected):
    return [Verdict(case, level, expected, host_ast, pvm_result(parse, case))
            for case, level, expected, host_ast in collected]


def is_syntax_error_class(name):
    return name in SYNTAX_ERROR_NAMES


def parser_agreement(verdicts):
    """Rates over the parser-level cases: fraction of cases where pvm agrees, per field."""
    parser_cases = [verdict for verdict in verdicts if verdict.level == "parser"]
    total = len(parser_cases) or 1

    def rate(agrees):
        return sum(1 for verdict in parser_cases if agrees(verdict.expected, verdict.pvm)) / total

    return {
        "cases": len(parser_cases),
        "raised SyntaxError": rate(lambda host, pvm: is_syntax_error_class(pvm.error_class)),
        "same class": rate(lambda host, pvm: pvm.error_class == host.error_class),
        "same lineno": rate(lambda host, pvm: not pvm.accepted and pvm.lineno == host.lineno),
        "same msg": rate(lambda host, pvm: not pvm.accepted and pvm.msg == host.msg),
        "same offset": rate(lambda host, pvm: not pvm.accepted and pvm.offset == host.offset),
        "same end": rate(lambda host, pvm: not pvm.accepted and (pvm.end_lineno, pvm.end_offset)
                         == (host.end_lineno, host.end_offset)),
    }


def compiler_agreement(verdicts):
    compiler_cases = [verdict for verdict in verdicts if verdict.level == "compiler"]
    same_tree = sum(1 for verdict in compiler_cases
                    if verdict.pvm.accepted and verdict.pvm.dump == verdict.host_ast)
    return same_tree, len(compiler_cases)


def _source_head(source, width=60):
    text = repr(source)
    return text if len(text) <= width else text[:width] + "..."


def _mismatch(verdict):
    expected, pvm = verdict.expected, verdict.pvm
    if verdict.level == "compiler":
        return not (pvm.accepted and pvm.dump == verdict.host_ast)
    return (pvm.error_class, pvm.msg, pvm.lineno, pvm.offset) != \
        (expected.error_class, expected.msg, expected.lineno, expected.offset)


def _message_shape(msg):
    """A message with its particulars (quoted names, numbers) blanked, to group alike ones."""
    return re.sub(r"\d+", "N", re.sub(r"'[^']*'", "'...'", msg or ""))


def report_missed_messages(verdicts, count=12):
    """The host messages pvm most often fails to give, on parser-level cases."""
    missed = collections.Counter(
        _message_shape(verdict.expected.msg) for verdict in verdicts
        if verdict.level == "parser" and verdict.pvm.msg != verdict.expected.msg)
    if not missed:
        return
    print(f"host messages pvm gave differently, commonest first ({len(missed)} shapes):")
    for shape, number in missed.most_common(count):
        print(f"  {number:4d}  {shape}")


def report(verdicts, show):
    rates = parser_agreement(verdicts)
    same_tree, compiler_total = compiler_agreement(verdicts)
    print(f"bad-syntax cases: {len(verdicts)} "
          f"({rates['cases']} parser-level, {compiler_total} compiler-level)")
    print("parser-level (ast.parse rejects them; targets: lineno >= 95 %, msg >= 80 %):")
    for name, value in rates.items():
        if name != "cases":
            print(f"  {name:20s} {100 * value:5.1f} %")
    print(f"compiler-level (only compile() rejects them): pvm.parse gives the host's AST "
          f"for {same_tree} / {compiler_total}")
    report_missed_messages(verdicts)
    # The parser's own targets first.
    mismatches = sorted((verdict for verdict in verdicts if _mismatch(verdict)),
                        key=lambda verdict: verdict.level != "parser")
    shown = mismatches if show <= 0 else mismatches[:show]
    print(f"mismatches: {len(mismatches)} (class, msg, lineno or offset differ; "
          f"or a compiler-level case not parsed alike)")
    for verdict in shown:
        print(f"  {verdict.case.origin} [{verdict.level}, {verdict.case.mode}] "
              f"{_source_head(verdict.case.source)}")
        expected = verdict.expected.brief() if verdict.level == "parser" \
            else f"ast.parse accepts; only compile() raises {verdict.expected.brief()}"
        print(f"      host {expected}")
        pvm = verdict.pvm.brief()
        if verdict.level == "compiler" and verdict.pvm.accepted:
            pvm = "accepted, but a different AST"
        print(f"      pvm  {pvm}")
    if len(shown) < len(mismatches):
        print(f"  ... and {len(mismatches) - len(shown)} more (--show 0 lists all)")


def main(argv=None):
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--show", type=int, default=40,
                         help="mismatches listed (0: all; default 40)")
    options.add_argument("--stand-in", action="store_true",
                         help="measure ast.parse in pvm's place (checks this script)")
    args = options.parse_args(argv)
    try:
        parse = Frontend(args.stand_in).parse()
    except Exception as error:
        print(f"pvm.parse cannot be loaded: {describe_exception(error)}")
        return 1
    verdicts = run_cases(parse, collect_cases())
    report(verdicts, args.show)
    rates = parser_agreement(verdicts)
    good = rates["same lineno"] >= 0.95 and rates["same msg"] >= 0.80 \
        and rates["raised SyntaxError"] == 1.0
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
