"""Cold and warm start of a program importing 40 standard-library modules, pvm and CPython.

    python3 benchmarks/startup.py [--rounds N]

A cold start compiles every module (an empty cache folder); a warm start loads
them all from the cache the cold start wrote.  Each interpreter gets its own
fresh cache folder through ``-X pycache_prefix``, so the host's own caches and
the standard library's folders are not touched.  Printed, each with both
interpreters' figures from the same run:

- whole processes: median cold and warm wall times and their ratio.  Both
  starts also run every module's body, which the cache does not change;
- getting the code objects of every module the program imports (the work the
  cache replaces), in this process: compiling all the sources (cold) against
  loading all the cache files the cold start wrote (warm: read, check the
  header, unmarshal, and for pvm build the Code objects);
- loading pvm's cache files against CPython's ``marshal.loads`` of its own.
"""

import argparse
import marshal
import os
import statistics
import subprocess
import sys
import tempfile
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

MODULES = (
    "abc argparse ast base64 bisect calendar collections contextlib copy csv dataclasses "
    "datetime decimal difflib enum fnmatch fractions functools gettext glob heapq json "
    "logging numbers operator pathlib pprint queue random re shlex shutil statistics "
    "string tempfile textwrap threading traceback typing unittest uuid"
).split()

PROGRAM = "".join("import %s\n" % name for name in MODULES) + "print(%d)\n" % len(MODULES)


def environment():
    variables = dict(os.environ)
    variables.pop("PYTHONDONTWRITEBYTECODE", None)
    variables["PYTHONPATH"] = REPOSITORY
    return variables


def timed(command):
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=environment())
    elapsed = time.perf_counter() - start
    if result.returncode != 0 or result.stdout.strip() != str(len(MODULES)):
        raise RuntimeError("%s failed:\n%s%s" % (" ".join(command), result.stdout,
                                                  result.stderr))
    return elapsed


def measure(interpreter, program_path, rounds, work_folder):
    """(median cold seconds, median warm seconds, the cache folder of the last round)."""
    cold_times, warm_times = [], []
    for round_number in range(rounds):
        prefix = os.path.join(work_folder, "%s-%d" % ("-".join(interpreter[1:]) or "cpython",
                                                      round_number))
        command = [*interpreter, "-X", "pycache_prefix=" + prefix, program_path]
        cold_times.append(timed(command))
        warm_times.append(min(timed(command) for _ in range(3)))
    return statistics.median(cold_times), statistics.median(warm_times), prefix


def cache_files(prefix, tag):
    for folder, _, names in os.walk(prefix):
        for name in names:
            if name.endswith(".pyc") and ("." + tag + ".") in name:
                yield os.path.join(folder, name)


def best(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def read_all(paths):
    result = []
    for path in paths:
        with open(path, "rb") as file:
            result.append(file.read())
    return result


def code_costs(pvm_prefix, cpython_prefix, repeat=10):
    """Seconds to get the code of every module the program imported, both ways, both
    interpreters: {"pvm": (compile, load, files), "cpython": (compile, load, files)}."""
    sys.path.insert(0, REPOSITORY)
    from pvm import cache
    from pvm.compiler import compile as pvm_compile
    results = {}
    for label, prefix, tag in (("pvm", pvm_prefix, cache.CACHE_TAG),
                               ("cpython", cpython_prefix, sys.implementation.cache_tag)):
        cache_paths = sorted(cache_files(prefix, tag))
        sources = [(path, data) for path, data in zip(
            [cache.source_from_cache(path, cache_tag=tag, pycache_prefix=prefix)
             for path in cache_paths],
            read_all(cache.source_from_cache(path, cache_tag=tag, pycache_prefix=prefix)
                     for path in cache_paths))]
        cached = read_all(cache_paths)
        if label == "pvm":
            def compile_all():
                for path, source in sources:
                    pvm_compile(source, path, "exec")

            def load_all():
                for data in cached:
                    header = cache.read_header(data)
                    assert header is not None
                    code = cache.code_from_payload(memoryview(data)[cache.HEADER_SIZE:])
                    assert code is not None
        else:
            def compile_all():
                for path, source in sources:
                    compile(source, path, "exec", dont_inherit=True)

            def load_all():
                for data in cached:
                    marshal.loads(memoryview(data)[16:])
        compile_seconds = best(compile_all, 1 if label == "pvm" else 3)
        results[label] = (compile_seconds, best(load_all, repeat), len(cached))
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work_folder:
        program_path = os.path.join(work_folder, "imports40.py")
        with open(program_path, "w") as file:
            file.write(PROGRAM)
        results = {}
        for label, interpreter in (("cpython", [sys.executable]),
                                   ("pvm", [sys.executable, "-m", "pvm"])):
            results[label] = measure(interpreter, program_path, arguments.rounds, work_folder)
        print("%-8s %10s %10s %10s" % ("", "cold s", "warm s", "cold/warm"))
        for label, (cold, warm, _) in results.items():
            print("%-8s %10.3f %10.3f %9.1fx" % (label, cold, warm, cold / warm))
        print()
        costs = code_costs(results["pvm"][2], results["cpython"][2])
        print("%-8s %6s %12s %12s %10s" % ("code of", "files", "compile ms", "load ms",
                                          "ratio"))
        for label, (compile_seconds, load_seconds, count) in costs.items():
            print("%-8s %6d %12.1f %12.2f %9.1fx" % (label, count, compile_seconds * 1e3,
                                                    load_seconds * 1e3,
                                                    compile_seconds / load_seconds))
        print("loading pvm's cache files / CPython's marshal.loads of its own: %.2fx"
              % (costs["pvm"][1] / costs["cpython"][1]))


if __name__ == "__main__":
    main()
