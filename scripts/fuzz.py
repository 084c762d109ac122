"""Fuzz pvm's parser against the host: random and broken sources, same verdicts.

    python scripts/fuzz.py [--count N] [--seed S] [--jobs N] [--timeout SECONDS]
                           [--show N] [--stand-in]
    python scripts/fuzz.py --replay /tmp/pvm-fuzz/*.py

The sources (--count, default 20,000) come from

  - hypothesmith: ``from_grammar()`` (random programs from the grammar), each
    checked as generated and once more after a mutation, and ``from_node()``;
  - mutations of statements cut from corpus files: tokens deleted, duplicated,
    swapped or inserted; truncation; random characters, brackets, indentation
    and whole lines inserted, deleted or duplicated.

For every source the host's ``ast.parse`` is the oracle. pvm.parse passes a case
when it accepts what the host accepts, with an identical
``ast.dump(include_attributes=True)``, and when it rejects what the host rejects
with a SyntaxError (or subclass) whose lineno, offset and text are set wherever
the host's are. Anything else -- another exception, a disagreement on
validity, no answer within the time limit -- is a failure: the first ones are
printed, and each failing source is saved under /tmp/pvm-fuzz/ to reproduce it.
The exit status is 0 only when there is no failure.
"""

import argparse
import ast
import collections
import concurrent.futures
import importlib.util
import io
import os
import random
import sys
import time
import tokenize
import warnings

SCRIPTS_FOLDER = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [SCRIPTS_FOLDER, os.path.dirname(SCRIPTS_FOLDER)]
import corpus  # noqa: E402  (needs the path above)
from conformance import (  # noqa: E402  (needs the path above)
    CaseTimeout, Frontend, describe_exception, first_differing_line, time_limit)

FAILURE_FOLDER = "/tmp/pvm-fuzz"
FILENAME = "<fuzz>"

LONGEST_STATEMENT_LINES = 40
WHOLE_FILE_LIMIT = 6000  # characters
INSERTED_CHARACTERS = (
    "()[]{}:;,.=+-*/%@<>!~^&|\\'\"#`$? \t\n\r\x0c\x01\x7f"
    "0123456789abcxyzEeJjLl_"
    # non-ASCII letters, a non-breaking space, a BOM, a line separator, a fullwidth digit
    "é€λµ\u00a0\ufeff\u2028０𝔘"
)
INSERTED_TOKENS = (
    "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "...", "=", ":=", "->", "**", "*",
    "@", "lambda", "if", "else", "for", "in", "not", "is", "and", "or", "yield", "await",
    "async", "def", "class", "return", "import", "from", "as", "with", "match", "case",
    "_", "global", "del", "pass", "\\", "'", '"', "f'", '"""', "0", "1.5j", "0x", "1_",
    "\n", "\n    ", "\t",
)


# --- making sources --------------------------------------------------------

def _read_text(path):
    with open(path, "rb") as file:
        return importlib.util.decode_source(file.read())


def statements_of(text):
    """Statement snippets of a module (one statement each, dedented), as strings."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = ast.parse(text)
    lines = io.StringIO(text).readlines()
    snippets = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt) \
                or node.end_lineno - node.lineno >= LONGEST_STATEMENT_LINES:
            continue
        chosen = lines[node.lineno - 1:node.end_lineno]
        indentation = chosen[0][:node.col_offset]
        if indentation.strip():
            continue  # a statement after a semicolon: its line holds others too
        if not all(line.startswith(indentation) or not line.strip() for line in chosen):
            continue  # a string or a continuation line reaching left of the statement
        snippets.append("".join(line[len(indentation):] for line in chosen))
    return snippets


def _tokens_with_offsets(text):
    """[(start, end, string)] of the text's tokens, as character offsets; None if untokenizable."""
    line_starts = [0]
    for line in io.StringIO(text).readlines():
        line_starts.append(line_starts[-1] + len(line))
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return None
    spans = []
    for token in tokens:
        if token.type in (tokenize.ENDMARKER, tokenize.DEDENT) or not token.string:
            continue
        (start_row, start_column), (end_row, end_column) = token.start, token.end
        if start_row > len(line_starts) - 1 or end_row > len(line_starts) - 1:
            continue  # the NEWLINE the tokenizer adds at the end of a file
        spans.append((line_starts[start_row - 1] + start_column,
                      line_starts[end_row - 1] + end_column, token.string))
    return spans


def _delete_token(text, spans, rng):
    start, end, _ = rng.choice(spans)
    return text[:start] + text[end:]


def _duplicate_token(text, spans, rng):
    start, end, string = rng.choice(spans)
    return text[:end] + rng.choice(("", " ")) + string + text[end:]


def _swap_tokens(text, spans, rng):
    if len(spans) < 2:
        return _delete_token(text, spans, rng)
    index = rng.randrange(len(spans) - 1)
    (first_start, first_end, first), (second_start, second_end, second) = spans[index:index + 2]
    return (text[:first_start] + second + text[first_end:second_start] + first
            + text[second_end:])


def _insert_token(text, spans, rng):
    start, _, _ = rng.choice(spans)
    inserted = rng.choice(INSERTED_TOKENS + tuple(string for _, _, string in spans))
    return text[:start] + inserted + rng.choice(("", " ")) + text[start:]


TOKEN_MUTATIONS = (_delete_token, _duplicate_token, _swap_tokens, _insert_token)


def _truncate(text, rng):
    return text[:rng.randrange(len(text) + 1)]


def _insert_characters(text, rng):
    position = rng.randrange(len(text) + 1)
    inserted = "".join(rng.choice(INSERTED_CHARACTERS) for _ in range(rng.randint(1, 3)))
    return text[:position] + inserted + text[position:]


def _insert_bracket(text, rng):
    position = rng.randrange(len(text) + 1)
    return text[:position] + rng.choice("()[]{}") + text[position:]


def _reindent_line(text, rng):
    lines = text.split("\n")
    index = rng.randrange(len(lines))
    line = lines[index]
    if line[:1] in (" ", "\t") and rng.random() < 0.5:
        lines[index] = line[1:] if rng.random() < 0.5 else line.lstrip()
    else:
        lines[index] = rng.choice((" ", "    ", "\t", "  \t")) + line
    return "\n".join(lines)


def _change_lines(text, rng):
    lines = text.split("\n")
    index = rng.randrange(len(lines))
    choice = rng.randrange(3)
    if choice == 0:
        del lines[index]
    elif choice == 1:
        lines.insert(index, lines[index])
    else:
        other = rng.randrange(len(lines))
        lines[index], lines[other] = lines[other], lines[index]
    return "\n".join(lines)


CHARACTER_MUTATIONS = (_truncate, _insert_characters, _insert_bracket, _reindent_line,
                       _change_lines)


def mutate(text, rng):
    """One to three random mutations of a source text."""
    for _ in range(rng.choice((1, 1, 2, 3))):
        spans = _tokens_with_offsets(text) if rng.random() < 0.6 else None
        if spans:
            text = rng.choice(TOKEN_MUTATIONS)(text, spans, rng)
        else:
            text = rng.choice(CHARACTER_MUTATIONS)(text, rng)
    return text


def _maybe_bytes(text, rng):
    """Most cases go in as str; some as UTF-8 bytes, which take the decoding path."""
    return text.encode("utf-8", "surrogatepass") if rng.random() < 0.2 else text


def mutation_cases(paths, seed, count):
    """``count`` mutated corpus statements (str or bytes), reproducible from the seed."""
    rng = random.Random(seed)
    cases = []
    while len(cases) < count:
        text = _read_text(rng.choice(paths))
        snippets = statements_of(text)
        if len(text) <= WHOLE_FILE_LIMIT:
            # Small files also go in whole now and then: errors far from line 1, inside blocks.
            snippets.append(text)
        if not snippets:
            continue
        for _ in range(min(20, count - len(cases))):
            cases.append(_maybe_bytes(mutate(rng.choice(snippets), rng), rng))
    return cases


def hypothesmith_cases(strategy_name, seed, count):
    """``count`` sources drawn by hypothesmith (grammar ones also once mutated)."""
    import hypothesis
    import hypothesmith
    strategy = {"grammar": hypothesmith.from_grammar, "nodes": hypothesmith.from_node}
    drawn = []

    @hypothesis.seed(seed)
    @hypothesis.settings(max_examples=count, database=None, deadline=None,
                         phases=[hypothesis.Phase.generate],
                         suppress_health_check=list(hypothesis.HealthCheck))
    @hypothesis.given(strategy[strategy_name]())
    def draw(source):
        drawn.append(source)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # hypothesmith compiles its programs: SyntaxWarnings
        draw()
    if strategy_name == "grammar":
        rng = random.Random(seed)
        drawn += [mutate(source, rng) if source else "(" for source in drawn]
    return drawn


# --- checking one source ---------------------------------------------------

def _dump(tree):
    return ast.dump(tree, include_attributes=True)


def check_case(parse, source, timeout=5.0):
    """(verdict, detail): verdict "valid" or "invalid" when pvm agrees, else the failure kind.

    For agreeing invalid cases the detail is (same lineno?, same msg?).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            host_tree, host_error = ast.parse(source, FILENAME), None
        except Exception as error:  # SyntaxError; ValueError or MemoryError in odd corners
            host_tree, host_error = None, error
        try:
            with time_limit(timeout):
                pvm_tree, pvm_error = parse(source, FILENAME), None
        except CaseTimeout:
            return "timeout", f"no answer within {timeout} s"
        except Exception as error:
            pvm_tree, pvm_error = None, error

    if pvm_error is not None and not isinstance(pvm_error, SyntaxError) and (
            host_error is None or type(pvm_error) is not type(host_error)):
        return "pvm raised " + type(pvm_error).__name__, describe_exception(pvm_error)
    if host_error is None:
        if pvm_error is not None:
            return "pvm rejects valid source", describe_exception(pvm_error)
        try:
            pvm_dump = _dump(pvm_tree)
        except Exception as error:
            return "pvm returned no AST", describe_exception(error)
        if pvm_dump != _dump(host_tree):
            return "AST differs", first_differing_line(
                ast.dump(host_tree, include_attributes=True, indent=1),
                ast.dump(pvm_tree, include_attributes=True, indent=1))
        return "valid", None
    if pvm_error is None:
        return "pvm accepts invalid source", f"host: {type(host_error).__name__}: {host_error}"
    if not isinstance(host_error, SyntaxError):
        return "invalid", (True, True)  # both raised the same odd exception
    missing = [name for name in ("lineno", "offset", "text")
               if getattr(pvm_error, name) is None and getattr(host_error, name) is not None]
    if missing:
        return "SyntaxError without " + "/".join(missing), describe_exception(pvm_error)
    return "invalid", (pvm_error.lineno == host_error.lineno, pvm_error.msg == host_error.msg)


# --- running many ----------------------------------------------------------

_worker_parse = None
_worker_paths = ()


def _start_worker(stand_in, paths):
    global _worker_parse, _worker_paths
    _worker_parse = Frontend(stand_in).parse()
    _worker_paths = paths


def run_job(job):
    """Make one batch of sources and check them; failures come back with their source."""
    kind, seed, count, timeout = job
    if kind == "mutations":
        sources = mutation_cases(_worker_paths, seed, count)
    else:
        sources = hypothesmith_cases(kind, seed, count)
    results = []
    for index, source in enumerate(sources):
        verdict, detail = check_case(_worker_parse, source, timeout)
        failing_source = source if verdict not in ("valid", "invalid") else None
        results.append((kind, seed, index, verdict, detail, failing_source))
    return results


def plan_jobs(count, seed, timeout):
    """Batches adding up to ``count`` sources: 5 % grammar (half of them mutants), 0.1 % nodes."""
    rng = random.Random(seed)
    grammar_count = count // 40  # each drawn program is checked twice (as is, mutated)
    node_count = count // 1000  # from_node is slow (~1 s a program) and mostly draws blank ones
    jobs = []
    for kind, total, batch in (("grammar", grammar_count, 50), ("nodes", node_count, 25),
                               ("mutations", count - 2 * grammar_count - node_count, 500)):
        while total > 0:
            jobs.append((kind, rng.randrange(2**32), min(batch, total), timeout))
            total -= batch
    return jobs


def save_failure(kind, seed, index, source, verdict, detail):
    os.makedirs(FAILURE_FOLDER, exist_ok=True)
    stem = os.path.join(FAILURE_FOLDER, f"{kind}-{seed}-{index}")
    as_bytes = isinstance(source, bytes)
    with open(stem + ".py", "wb") as file:
        file.write(source if as_bytes else source.encode("utf-8", "surrogatepass"))
    with open(stem + ".txt", "w", encoding="utf-8") as file:
        passed_as = "bytes" if as_bytes else "str"
        file.write(f"{verdict}\n{detail}\npassed to pvm.parse as {passed_as}\n")
    return stem + ".py", as_bytes


def _saved_as_bytes(path):
    """Whether a saved failure went to pvm.parse as bytes (its notes file says so)."""
    notes_path = os.path.splitext(path)[0] + ".txt"
    if not os.path.exists(notes_path):
        return False
    with open(notes_path, encoding="utf-8") as notes:
        return notes.read().rstrip().endswith("as bytes")


def replay(parse, paths, timeout):
    """Check saved failing sources again, each passed as it was (str or bytes)."""
    still_failing = 0
    for path in paths:
        with open(path, "rb") as file:
            source = file.read()
        if not _saved_as_bytes(path):
            source = source.decode("utf-8", "surrogatepass")
        verdict, detail = check_case(parse, source, timeout)
        failing = verdict not in ("valid", "invalid")
        still_failing += failing
        print(f"{path}: {verdict}" + (f" -- {detail}" if failing and detail else ""))
    return 1 if still_failing else 0


def main(argv=None):
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--count", type=int, default=20_000)
    options.add_argument("--seed", type=int, default=1)
    options.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    options.add_argument("--timeout", type=float, default=5.0, help="seconds per case")
    options.add_argument("--show", type=int, default=20, help="failures printed (default 20)")
    options.add_argument("--stand-in", action="store_true",
                         help="fuzz ast.parse in pvm's place (checks this script)")
    options.add_argument("--replay", nargs="+", metavar="FILE",
                         help="check saved sources (/tmp/pvm-fuzz/*.py) again instead")
    args = options.parse_args(argv)

    try:
        parse = Frontend(args.stand_in).parse()
    except Exception as error:
        print(f"pvm.parse cannot be loaded: {describe_exception(error)}")
        return 1
    if args.replay:
        return replay(parse, args.replay, args.timeout)
    try:
        import hypothesmith  # noqa: F401  (the workers import it; fail here, clearly)
    except ImportError:
        print("hypothesmith is missing: it comes with the dev extra (pip install -e '.[dev]')")
        return 1
    started = time.perf_counter()
    jobs = plan_jobs(args.count, args.seed, args.timeout)
    paths = corpus.stdlib_files()
    verdicts = collections.Counter()
    sources_by_kind = collections.Counter()
    same_lineno = same_msg = both_rejected = 0
    failures = []
    with concurrent.futures.ProcessPoolExecutor(
            args.jobs, initializer=_start_worker, initargs=(args.stand_in, paths)) as pool:
        for results in pool.map(run_job, jobs):
            for kind, seed, index, verdict, detail, source in results:
                sources_by_kind[kind] += 1
                verdicts[verdict] += 1
                if verdict == "invalid":
                    both_rejected += 1
                    same_lineno += detail[0]
                    same_msg += detail[1]
                elif verdict != "valid":
                    failures.append((kind, seed, index, verdict, detail, source))

    total = sum(sources_by_kind.values())
    print(f"fuzz: {total} sources (seed {args.seed}): "
          + ", ".join(f"{count} {kind}" for kind, count in sorted(sources_by_kind.items()))
          + f"  ({time.perf_counter() - started:.0f} s)")
    print(f"  agreeing: {verdicts['valid']} valid (identical AST), {verdicts['invalid']} invalid "
          f"(SyntaxError on both sides)")
    if both_rejected:
        print(f"  where both reject: same lineno {100 * same_lineno / both_rejected:.1f} %, "
              f"same msg {100 * same_msg / both_rejected:.1f} %")
    print(f"  failures: {len(failures)}")
    for verdict, count in verdicts.most_common():
        if verdict not in ("valid", "invalid"):
            print(f"    {count:6d}  {verdict}")
    for kind, seed, index, verdict, detail, source in failures[:args.show]:
        path, as_bytes = save_failure(kind, seed, index, source, verdict, detail)
        head = repr(source)
        print(f"  {path} ({'bytes' if as_bytes else 'str'}): {verdict}"
              + (f" -- {detail}" if detail else ""))
        print(f"      {head if len(head) <= 160 else head[:160] + '...'}")
    for kind, seed, index, verdict, detail, source in failures[args.show:200]:
        save_failure(kind, seed, index, source, verdict, detail)
    if failures:
        print(f"  failing sources saved under {FAILURE_FOLDER}/ (first 200); check them again "
              f"with: python scripts/fuzz.py --replay {FAILURE_FOLDER}/*.py")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
