"""Front-end throughput: pvm's tokenizer and parser against the host's and parso.

    python benchmarks/frontend.py [--files N|all] [--repeat N] [--stand-in]

All contenders read the same corpus files (a fixed, reproducible sample of 150
by default), held in memory, in the same run:

  tokenize  pvm.tokenize.tokenize  vs  the stdlib tokenize.tokenize (pure Python too)
  parse     pvm.parse (source to AST, tokenizing included)
            vs  parso (Python 3.11 grammar, error recovery on; pure Python)
            and the host ast.parse (C) for reference

Each round times every contender over all the files; the contenders take turns
in a rotating order, so that noise from the (shared) machine falls on all of
them. A first, untimed round checks that every contender handles every file;
files that one of them fails on are left out of all timings, and reported.
The figure per contender is the median of the rounds' MB/s (the best is shown
beside it); ratios compare medians.

parso comes with the project's ``dev`` extra (pip install -e .[dev]).
"""

import argparse
import gc
import importlib.util
import io
import os
import statistics
import sys
import time
import tokenize

BENCHMARKS_FOLDER = os.path.dirname(os.path.abspath(__file__))
REPOSITORY_FOLDER = os.path.dirname(BENCHMARKS_FOLDER)
sys.path[:0] = [os.path.join(REPOSITORY_FOLDER, "scripts"), REPOSITORY_FOLDER]
import corpus  # noqa: E402  (needs the path above)

DEFAULT_FILE_COUNT = 150


class Contender:
    """One way to process a source; ``prepare`` gives it its input form once, untimed."""

    def __init__(self, name, run, prepare=lambda source: source):
        self.name = name
        self.run = run
        self.prepare = prepare


def _consume_tokens(tokenize_function):
    def run(source):
        for _ in tokenize_function(io.BytesIO(source).readline):
            pass
    return run


def make_contenders(stand_in):
    """{stage: [contenders]}; pvm's first. A missing one is reported and left out."""
    import ast
    if stand_in:
        pvm_tokenize, pvm_parse = tokenize.tokenize, ast.parse
    else:
        pvm_tokenize = pvm_parse = None
        try:
            from pvm.tokenize import tokenize as pvm_tokenize
        except ImportError as error:
            print(f"pvm.tokenize unavailable: {error}")
        try:
            from pvm import parse as pvm_parse
        except ImportError as error:
            print(f"pvm.parse unavailable: {error}")
    stages = {"tokenize": [], "parse": []}
    if pvm_tokenize is not None:
        stages["tokenize"].append(Contender("pvm tokenize", _consume_tokens(pvm_tokenize)))
    stages["tokenize"].append(Contender("stdlib tokenize", _consume_tokens(tokenize.tokenize)))
    if pvm_parse is not None:
        stages["parse"].append(Contender("pvm parse", pvm_parse))
    try:
        import parso
    except ImportError:
        print("parso is missing: it comes with the dev extra (pip install -e '.[dev]')")
    else:
        grammar = parso.load_grammar(version="3.11")
        stages["parse"].append(Contender(
            "parso parse", grammar.parse, prepare=importlib.util.decode_source))
    stages["parse"].append(Contender("host ast.parse", ast.parse))
    return stages


def usable_files(contenders, sources):
    """Indexes of the sources every contender processes without an exception."""
    usable = []
    for index, source in enumerate(sources):
        for contender in contenders:
            try:
                contender.run(contender.prepare(source))
            except Exception as error:
                print(f"  {contender.name} fails on file {index}: {type(error).__name__}: "
                      f"{str(error)[:120]}")
                break
        else:
            usable.append(index)
    return usable


def time_rounds(contenders, sources, repeat):
    """{name: [seconds of each round]}, the contenders' order rotating every round."""
    inputs = {contender.name: [contender.prepare(source) for source in sources]
              for contender in contenders}
    seconds = {contender.name: [] for contender in contenders}
    for round_index in range(repeat):
        shift = round_index % len(contenders)
        for contender in contenders[shift:] + contenders[:shift]:
            run = contender.run
            gc.collect()
            started = time.perf_counter()
            for prepared in inputs[contender.name]:
                run(prepared)
            seconds[contender.name].append(time.perf_counter() - started)
    return seconds


def main(argv=None):
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--files", default=str(DEFAULT_FILE_COUNT),
                         help=f"N sampled corpus files, or 'all' (default {DEFAULT_FILE_COUNT})")
    options.add_argument("--repeat", type=int, default=5, help="timed rounds (default 5)")
    options.add_argument("--stand-in", action="store_true",
                         help="time the host's modules in pvm's place (checks this script)")
    args = options.parse_args(argv)

    paths = corpus.stdlib_files() if args.files == "all" else corpus.sample_files(int(args.files))
    sources = []
    for path in paths:
        with open(path, "rb") as file:
            sources.append(file.read())
    print(f"{len(sources)} corpus files, {sum(map(len, sources)) / 1e6:.2f} MB; "
          f"{args.repeat} rounds, median MB/s (best)")

    medians = {}
    for stage, contenders in make_contenders(args.stand_in).items():
        usable = usable_files(contenders, sources)
        chosen = [sources[index] for index in usable]
        megabytes = sum(map(len, chosen)) / 1e6
        if len(chosen) < len(sources):
            print(f"  {stage}: timing the {len(chosen)} files that every contender handles")
        for name, rounds in time_rounds(contenders, chosen, args.repeat).items():
            medians[name] = megabytes / statistics.median(rounds)
            print(f"  {name:16s} {medians[name]:8.3f} MB/s  ({megabytes / min(rounds):.3f})")
        sys.stdout.flush()

    for numerator, denominator in (("pvm tokenize", "stdlib tokenize"),
                                   ("pvm parse", "parso parse"),
                                   ("pvm parse", "host ast.parse")):
        if numerator in medians and denominator in medians:
            print(f"  {numerator} / {denominator}: "
                  f"{medians[numerator] / medians[denominator]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
