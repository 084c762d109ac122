"""Front-end conformance: pvm against the host CPython over the whole corpus.

    python scripts/conformance.py [--stage tokens|ast|symtable|all] [--sample N]
                                  [--jobs N] [--timeout SECONDS] [--show N] [--stand-in]

For every corpus file (``corpus.stdlib_files()``) each stage runs the host's
module and pvm's on the same bytes and compares the results:

  tokens    the 5-tuples of ``tokenize.tokenize`` vs ``pvm.tokenize.tokenize``
  ast       ``ast.dump(..., include_attributes=True)`` of ``ast.parse`` vs ``pvm.parse``
  symtable  ``symtable_compare.describe`` of ``symtable.symtable`` vs ``pvm.symtable.symtable``

It prints ``STAGE: identical X / Y files`` per stage, then the differing files
with the first difference of each. An exception raised inside pvm, or a file
that takes longer than the timeout, counts as a difference. The exit status is
0 only when every file is identical in every stage.

``--stand-in`` measures the host's own modules in pvm's place: every file must
then be identical, which checks this script rather than pvm.
"""

import argparse
import ast
import collections
import importlib
import importlib.util
import io
import multiprocessing
import os
import signal
import sys
import time
import traceback
import warnings

SCRIPTS_FOLDER = os.path.dirname(os.path.abspath(__file__))
REPOSITORY_FOLDER = os.path.dirname(SCRIPTS_FOLDER)
# Run as a script, Python puts only scripts/ on the path; pvm lives one folder up.
sys.path[:0] = [SCRIPTS_FOLDER, REPOSITORY_FOLDER]
import corpus  # noqa: E402  (needs the path above)

STAGES = ("tokens", "ast", "symtable")

PVM_FOLDER = os.path.join(REPOSITORY_FOLDER, "pvm")


# --- the contenders --------------------------------------------------------

class Frontend:
    """The entry points under test: pvm's, or the host's standing in for them.

    Each attribute is loaded on first use, so a stage whose pvm module does not
    exist yet reports that, and the other stages still run.
    """

    def __init__(self, stand_in=False):
        self.stand_in = stand_in

    def tokenize(self):
        if self.stand_in:
            import tokenize
            return tokenize.tokenize
        return importlib.import_module("pvm.tokenize").tokenize

    def parse(self):
        if self.stand_in:
            return ast.parse
        return importlib.import_module("pvm").parse

    def symtable(self):
        if self.stand_in:
            import symtable
            return symtable.symtable
        return importlib.import_module("pvm.symtable").symtable


class CaseTimeout(BaseException):
    """Raised by the alarm inside a slow case.

    A BaseException, so that an ``except Exception`` inside pvm cannot swallow it.
    """


def _raise_case_timeout(signum, frame):
    raise CaseTimeout()


class time_limit:
    """Interrupt the enclosed block after ``seconds`` of wall time (main thread only)."""

    def __init__(self, seconds):
        self.seconds = seconds

    def __enter__(self):
        self.previous_handler = signal.signal(signal.SIGALRM, _raise_case_timeout)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc_info):
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous_handler)
        return False


def describe_exception(error):
    """One line: type, message, and the innermost pvm frame it came from."""
    return f"{type(error).__name__}: {message_and_origin(error)}"


def message_and_origin(error):
    """The exception's message (cut short) and the innermost pvm frame it came from."""
    frames = traceback.extract_tb(error.__traceback__)
    pvm_frames = [frame for frame in frames if frame.filename.startswith(PVM_FOLDER)]
    where = ""
    if pvm_frames or frames:
        frame = (pvm_frames or frames)[-1]
        where = f" at {os.path.relpath(frame.filename)}:{frame.lineno} in {frame.name}"
    message = str(error)
    if len(message) > 200:
        message = message[:200] + "..."
    return message + where


# --- one stage on one file -------------------------------------------------

class Outcome:
    """A stage's verdict on one file: identical, or the first difference."""

    __slots__ = ("path", "identical", "difference", "category", "seconds")  # seconds: both sides

    def __init__(self, path, identical, difference="", category="", seconds=0.0):
        self.path = path
        self.identical = identical
        self.difference = difference
        # Groups like failures in the summary: the exception line, or the kind of diff.
        self.category = category
        self.seconds = seconds


def _host_tokens(source):
    import tokenize
    return [tuple(token) for token in tokenize.tokenize(io.BytesIO(source).readline)]


def _pvm_tokens(frontend, source):
    return [tuple(token) for token in frontend.tokenize()(io.BytesIO(source).readline)]


def compare_tokens(frontend, path, source):
    host_tokens = _host_tokens(source)
    pvm_tokens = _pvm_tokens(frontend, source)
    if host_tokens == pvm_tokens:
        return None
    for index, (host_token, pvm_token) in enumerate(zip(host_tokens, pvm_tokens)):
        if host_token != pvm_token:
            return (f"token {index}:\n      host {host_token!r}\n      pvm  {pvm_token!r}",
                    "token differs")
    shorter = min(len(host_tokens), len(pvm_tokens))
    extra = host_tokens[shorter:] or pvm_tokens[shorter:]
    who = "host" if len(host_tokens) > len(pvm_tokens) else "pvm"
    return (f"{len(host_tokens)} host tokens vs {len(pvm_tokens)} pvm tokens; "
            f"first extra ({who}) at {shorter}: {extra[0]!r}", "token count differs")


def ast_dump(tree, indent=None):
    return ast.dump(tree, include_attributes=True, indent=indent)


def first_differing_line(host_text, pvm_text, context=3):
    """The first line where two multi-line texts differ, with the lines before it."""
    host_lines = host_text.splitlines()
    pvm_lines = pvm_text.splitlines()
    index = 0
    while index < min(len(host_lines), len(pvm_lines)) and host_lines[index] == pvm_lines[index]:
        index += 1
    shown = [f"line {index + 1} of the dumps (indent=1), inside "
             f"{_enclosing_node(host_lines, index)}, after:"]
    shown += ["        " + line for line in host_lines[max(0, index - context):index]]
    host_line = host_lines[index] if index < len(host_lines) else "<end of dump>"
    pvm_line = pvm_lines[index] if index < len(pvm_lines) else "<end of dump>"
    shown.append(f"      host {host_line.strip()}")
    shown.append(f"      pvm  {pvm_line.strip()}")
    return "\n".join(shown)


def _enclosing_node(dump_lines, index):
    """The node that holds line ``index`` of an indented dump, as ``Name(`` with its line."""
    if index >= len(dump_lines):
        return "the end"
    depth = len(dump_lines[index]) - len(dump_lines[index].lstrip())
    for line_index in range(index - 1, -1, -1):
        line = dump_lines[line_index]
        line_depth = len(line) - len(line.lstrip())
        if line_depth < depth and line.rstrip().endswith("("):
            return f"{line.strip()} (dump line {line_index + 1})"
    return "the module"


def compare_ast(frontend, path, source):
    host_tree = ast.parse(source, path)
    pvm_tree = frontend.parse()(source, path)
    if ast_dump(host_tree) == ast_dump(pvm_tree):
        return None
    return (first_differing_line(ast_dump(host_tree, indent=1), ast_dump(pvm_tree, indent=1)),
            "ast differs")


def first_difference(host_value, pvm_value, trail=()):
    """Where two nested tuples first differ: (trail of indexes, host part, pvm part)."""
    sequences = (tuple, list)
    if isinstance(host_value, sequences) and isinstance(pvm_value, sequences):
        for index, (host_item, pvm_item) in enumerate(zip(host_value, pvm_value)):
            if host_item != pvm_item:
                return first_difference(host_item, pvm_item, trail + (index,))
        if len(host_value) != len(pvm_value):
            return trail + ("len",), len(host_value), len(pvm_value)
    return trail, host_value, pvm_value


def _shorten(value, limit=300):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def _error_signature(error):
    return (type(error).__name__, getattr(error, "msg", str(error)),
            getattr(error, "lineno", None), getattr(error, "offset", None))


def compare_errors(host_run, pvm_run):
    """When the host raises, pvm must raise the same (class, msg, lineno, offset).

    Returns (host result, None) when the host succeeds, so the caller compares
    results; (None, verdict) otherwise, the verdict None when the errors agree.
    An unexpected exception from pvm propagates: the caller reports it.
    """
    try:
        return host_run(), None
    except Exception as error:
        host_error = error
    try:
        pvm_run()
    except SyntaxError as pvm_error:
        if _error_signature(pvm_error) == _error_signature(host_error):
            return None, None
        return None, (f"both raise, differently:\n      host {_error_signature(host_error)}"
                      f"\n      pvm  {_error_signature(pvm_error)}", "errors differ")
    return None, (f"pvm succeeds where the host raises {describe_exception(host_error)}",
                  "pvm accepts what the host rejects")


def compare_symtable(frontend, path, source):
    import symtable
    import symtable_compare
    text = importlib.util.decode_source(source)
    host_table, verdict = compare_errors(lambda: symtable.symtable(text, path, "exec"),
                                         lambda: frontend.symtable()(text, path, "exec"))
    if host_table is None:
        return verdict  # the host raised (a misplaced __future__ import, say)
    host_description = symtable_compare.describe(host_table)
    pvm_description = symtable_compare.describe(frontend.symtable()(text, path, "exec"))
    if host_description == pvm_description:
        return None
    trail, host_part, pvm_part = first_difference(host_description, pvm_description)
    return (f"at {list(trail)}:\n      host {_shorten(host_part)}\n      pvm  {_shorten(pvm_part)}",
            "symtable differs")


COMPARERS = {"tokens": compare_tokens, "ast": compare_ast, "symtable": compare_symtable}


def run_one(frontend, stage, path, timeout):
    with open(path, "rb") as file:
        source = file.read()
    started = time.perf_counter()
    try:
        with warnings.catch_warnings():
            # The corpus has invalid escape sequences and such; their warnings are noise here.
            warnings.simplefilter("ignore")
            with time_limit(timeout):
                verdict = COMPARERS[stage](frontend, path, source)
    except CaseTimeout:
        verdict = (f"no result within {timeout} s", f"timeout (> {timeout} s)")
    except Exception as error:  # any failure inside pvm is a finding, not a crash of the run
        line = describe_exception(error)
        verdict = ("raised " + line, line)
    seconds = time.perf_counter() - started
    if verdict is None:
        return Outcome(path, True, seconds=seconds)
    difference, category = verdict
    return Outcome(path, False, difference, category, seconds)


# --- running a stage over many files ---------------------------------------

_worker_frontend = None


def _start_worker(stand_in):
    global _worker_frontend
    _worker_frontend = Frontend(stand_in)


def _run_in_worker(job):
    stage, path, timeout = job
    return run_one(_worker_frontend, stage, path, timeout)


def stage_unavailable(frontend, stage):
    """Why pvm cannot run this stage at all (missing module), or None."""
    try:
        {"tokens": frontend.tokenize, "ast": frontend.parse,
         "symtable": frontend.symtable}[stage]()
        if stage == "symtable":
            importlib.import_module("symtable_compare")  # its helper supplies it
    except Exception as error:
        return describe_exception(error)
    return None


def run_stage(stage, paths, jobs, timeout, stand_in):
    """Outcomes in corpus order."""
    work = [(stage, path, timeout) for path in paths]
    if jobs <= 1:
        _start_worker(stand_in)
        return [_run_in_worker(job) for job in work]
    with multiprocessing.Pool(jobs, initializer=_start_worker, initargs=(stand_in,)) as pool:
        return list(pool.imap(_run_in_worker, work, chunksize=4))


def report_stage(stage, outcomes, seconds, show):
    differing = [outcome for outcome in outcomes if not outcome.identical]
    identical = len(outcomes) - len(differing)
    print(f"{stage.upper()}: identical {identical} / {len(outcomes)} files  ({seconds:.1f} s)")
    if outcomes:
        slowest = max(outcomes, key=lambda outcome: outcome.seconds)
        print(f"  slowest file: {slowest.path} ({slowest.seconds:.1f} s, host and pvm)")
    if not differing:
        return
    categories = collections.Counter(outcome.category for outcome in differing)
    print(f"  most common differences ({len(categories)} kinds):")
    for category, count in categories.most_common(10):
        print(f"    {count:5d}  {category}")
    shown = differing if show <= 0 else differing[:show]
    print("  differing files, first difference of each:")
    for outcome in shown:
        print(f"  {outcome.path}")
        print("      " + outcome.difference)
    if len(shown) < len(differing):
        print(f"  ... and {len(differing) - len(shown)} more (--show 0 lists all)")


def main(argv=None):
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--stage", choices=STAGES + ("all",), default="all")
    options.add_argument("--sample", type=int, default=0,
                         help="a reproducible sample of N corpus files instead of all")
    options.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    options.add_argument("--timeout", type=float, default=120.0,
                         help="seconds allowed per file and stage (default 120)")
    options.add_argument("--show", type=int, default=25,
                         help="differing files listed per stage (0: all; default 25)")
    options.add_argument("--stand-in", action="store_true",
                         help="measure the host's modules in pvm's place (checks this script)")
    args = options.parse_args(argv)

    paths = corpus.sample_files(args.sample) if args.sample else corpus.stdlib_files()
    stages = STAGES if args.stage == "all" else (args.stage,)
    frontend = Frontend(args.stand_in)
    all_identical = True
    for stage in stages:
        missing = stage_unavailable(frontend, stage)
        if missing:
            print(f"{stage.upper()}: identical 0 / {len(paths)} files  (cannot run: {missing})")
            all_identical = False
            continue
        started = time.perf_counter()
        outcomes = run_stage(stage, paths, args.jobs, args.timeout, args.stand_in)
        report_stage(stage, outcomes, time.perf_counter() - started, args.show)
        all_identical = all_identical and all(outcome.identical for outcome in outcomes)
        sys.stdout.flush()
    return 0 if all_identical else 1


if __name__ == "__main__":
    sys.exit(main())
