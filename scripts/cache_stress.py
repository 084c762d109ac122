"""Many pvm processes importing the same modules while their sources change.

    python3 scripts/cache_stress.py [--processes 8] [--rounds 50] [--folder DIR]

Each round the sources of a few modules (plain modules, a package and its
submodule, one with a checked-hash cache file) are rewritten, so every cache
file goes stale; then every worker process, a pvm guest, forgets the modules and
imports them again, all at once: each finds the stale cache, compiles and
rewrites it while the others read it.  One more worker, ``python3 -B``, is the
oracle: each pvm worker's answer must be its answer.

Meanwhile a checker process lists the ``__pycache__`` folders without pause and
reads every cache file it sees: each must be whole (a pvm header and a body that
loads), because cache files are replaced by a rename, never written in place.
At the end no temporary file may be left and each cache file must be up to date
with its source.  Exit status 0 when all of that holds, 1 otherwise.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

REPOSITORY_FOLDER = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPOSITORY_FOLDER)

from pvm import cache  # noqa: E402  (the repository's pvm, not an installed one)
from pvm import py_compile  # noqa: E402

MODULES = ("stress_base", "stress_user", "stress_pkg", "stress_pkg.part")
# How long a round may take before the run is declared hung: the first round
# compiles with every worker starting up on a shared machine.
ROUND_TIMEOUT = 300.0
STOP_FILE_NAME = "stop-checker"

WORKER = """\
import importlib
import sys

modules = {modules!r}
while True:
    line = sys.stdin.readline()
    if not line:
        break
    for name in modules:
        sys.modules.pop(name, None)
    importlib.invalidate_caches()
    try:
        import stress_user
        import stress_pkg.part
        answer = repr((stress_user.report(), stress_pkg.part.report()))
    except BaseException as error:
        answer = "failed: %s: %s" % (type(error).__name__, error)
    print(line.strip(), answer, flush=True)
"""


def module_sources(round_number):
    """The sources of round ``round_number``: different values each round, and a
    different size (the padding), so that even two rounds within one second of
    file time are told apart by the cache's size field."""
    padding = "#" * round_number
    return {
        "stress_base.py": (
            "%s\nSCALE = %d\n\n"
            "class Point:\n"
            "    def __init__(self, x, y):\n"
            "        self.x, self.y = x, y\n\n"
            "    def scaled(self):\n"
            "        return Point(self.x * SCALE, self.y * SCALE)\n\n"
            "    def __repr__(self):\n"
            "        return 'Point(%%r, %%r)' %% (self.x, self.y)\n" % (padding, round_number + 2)),
        "stress_user.py": (
            "%s\nfrom stress_base import Point, SCALE\n\n"
            "def squares(limit):\n"
            "    return [n * n for n in range(limit) if n %% 2 == %d]\n\n"
            "def report():\n"
            "    return (SCALE, repr(Point(1, %d).scaled()), squares(%d))\n"
            % (padding, round_number % 2, round_number, round_number % 7 + 3)),
        "stress_pkg/__init__.py": "%s\nNAME = 'package round %d'\n" % (padding, round_number),
        "stress_pkg/part.py": (
            "%s\nfrom . import NAME\n\n"
            "def report():\n"
            "    words = {w: len(w) for w in NAME.split()}\n"
            "    return NAME, sorted(words.items()), %d ** 3\n" % (padding, round_number)),
    }


def write_sources(folder, round_number):
    for name, text in module_sources(round_number).items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as file:
            file.write(text)


def cache_folders(folder):
    return [os.path.join(folder, "__pycache__"),
            os.path.join(folder, "stress_pkg", "__pycache__")]


# -- the checker: reads every cache file it can see, as fast as it can ------------------------

def run_checker(folder):
    """Loop until the stop file appears; print one JSON line with what was seen."""
    reads = 0
    partial = []
    versions_seen = set()       # (path, inode, mtime): each one a file some process wrote
    stop_file = os.path.join(folder, STOP_FILE_NAME)
    while not os.path.exists(stop_file):
        for pycache in cache_folders(folder):
            try:
                names = os.listdir(pycache)
            except FileNotFoundError:
                continue
            for name in names:
                if not name.endswith(cache.BYTECODE_SUFFIX):
                    continue     # a temporary file, still being written: nobody reads those
                path = os.path.join(pycache, name)
                try:
                    with open(path, "rb") as file:
                        opened = os.fstat(file.fileno())
                        data = file.read()
                except FileNotFoundError:
                    continue     # replaced between the listing and the open
                reads += 1
                versions_seen.add((path, opened.st_ino, opened.st_mtime_ns))
                header = cache.read_header(data)
                if header is None or cache.code_from_payload(
                        memoryview(data)[cache.HEADER_SIZE:]) is None:
                    partial.append("%s (%d bytes)" % (path, len(data)))
    print(json.dumps({"reads": reads, "versions": len(versions_seen), "partial": partial}),
          flush=True)


# -- the coordinator ---------------------------------------------------------------------------

def worker_environment():
    variables = dict(os.environ)
    for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX", "SOURCE_DATE_EPOCH"):
        variables.pop(name, None)
    variables["PYTHONPATH"] = REPOSITORY_FOLDER
    return variables


def start(command, folder):
    return subprocess.Popen(command, cwd=folder, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=worker_environment())


def stale_or_damaged_caches(folder):
    """Cache files that do not load or are not up to date with their sources."""
    problems = []
    for name in MODULES:
        relative = name.replace(".", os.sep)
        source = os.path.join(folder, relative + ".py")
        if not os.path.exists(source):
            source = os.path.join(folder, relative, "__init__.py")
        cache_path = cache.cache_from_source(source, optimization="")
        try:
            with open(cache_path, "rb") as file:
                data = file.read()
        except OSError as error:
            problems.append("%s: %s" % (cache_path, error))
            continue
        header = cache.read_header(data)
        stat = os.stat(source)

        def read_source(source=source):
            with open(source, "rb") as file:
                return file.read()
        if (header is None
                or not cache.is_fresh(header, stat.st_mtime, stat.st_size, read_source)
                or cache.code_from_payload(memoryview(data)[cache.HEADER_SIZE:]) is None):
            problems.append("%s: stale or damaged" % cache_path)
    return problems


def stress(folder, processes, rounds):
    """Run the whole test in ``folder``; returns (passed, summary lines)."""
    stop_file = os.path.join(folder, STOP_FILE_NAME)
    if os.path.exists(stop_file):
        os.unlink(stop_file)     # left by an earlier run in the same folder
    write_sources(folder, 0)
    # One module's cache file is hash-based: its rewrites must stay hash-based.
    py_compile.compile(os.path.join(folder, "stress_pkg", "part.py"), doraise=True,
                       invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
    with open(os.path.join(folder, "worker.py"), "w") as file:
        file.write(WORKER.format(modules=list(MODULES)))
    oracle = start([sys.executable, "-B", "worker.py"], folder)
    workers = [start([sys.executable, "-m", "pvm", "worker.py"], folder)
               for _ in range(processes)]
    checker = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--checker", folder],
                               stdout=subprocess.PIPE, text=True, env=worker_environment())
    everyone = [oracle, *workers, checker]
    hung = threading.Event()

    def kill_everyone():
        hung.set()
        for process in everyone:
            process.kill()

    imports = wrong = 0
    failures = []
    try:
        for round_number in range(rounds):
            if round_number:
                write_sources(folder, round_number)
            watchdog = threading.Timer(ROUND_TIMEOUT, kill_everyone)
            watchdog.start()
            try:
                for process in [oracle, *workers]:
                    process.stdin.write("%d\n" % round_number)
                    process.stdin.flush()
                expected = oracle.stdout.readline()
                answers = [worker.stdout.readline() for worker in workers]
            finally:
                watchdog.cancel()
            if hung.is_set():
                failures.append("round %d: no answer within %d s" % (round_number,
                                                                     ROUND_TIMEOUT))
                break
            if not expected.startswith("%d (" % round_number):
                failures.append("round %d: the oracle said %r" % (round_number, expected))
                break
            for index, answer in enumerate(answers):
                imports += 1
                if answer != expected:
                    wrong += 1
                    failures.append("round %d, worker %d: %r, expected %r"
                                    % (round_number, index, answer, expected))
    finally:
        for process in [oracle, *workers]:
            try:
                process.stdin.close()
            except OSError:
                pass
        open(stop_file, "w").close()
        watchdog = threading.Timer(ROUND_TIMEOUT, kill_everyone)
        watchdog.start()
        try:
            for process in [oracle, *workers]:
                process.stdout.read()
                error_output = process.stderr.read()
                if process.wait() != 0:
                    failures.append("%s exited with status %s: %s"
                                    % (" ".join(process.args), process.returncode,
                                       error_output[-2000:]))
            checker_output = checker.stdout.read()
            checker.wait()
        finally:
            watchdog.cancel()
    seen = json.loads(checker_output) if checker_output else {"reads": 0, "versions": 0,
                                                               "partial": ["no report"]}
    leftovers = [os.path.join(pycache, name) for pycache in cache_folders(folder)
                 for name in os.listdir(pycache) if not name.endswith(cache.BYTECODE_SUFFIX)]
    final_problems = stale_or_damaged_caches(folder)
    summary = [
        "%d pvm processes x %d rounds: %d answers (each from importing %d modules), "
        "%d wrong" % (processes, rounds, imports, len(MODULES), wrong),
        "checker: %d cache file reads, %d versions of the files seen, %d partial"
        % (seen["reads"], seen["versions"], len(seen["partial"])),
        "left behind: %d temporary files; final cache files stale or damaged: %d"
        % (len(leftovers), len(final_problems)),
    ]
    problems = failures + seen["partial"] + leftovers + final_problems
    return not problems, summary + problems[:20]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=8, help="pvm worker processes")
    parser.add_argument("--rounds", type=int, default=50,
                        help="how many times the sources change and every worker imports")
    parser.add_argument("--folder", help="work here (default: a new temporary folder, "
                                         "removed afterwards)")
    parser.add_argument("--checker", metavar="FOLDER", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.checker:
        run_checker(arguments.checker)
        return 0
    if arguments.processes < 1 or arguments.rounds < 1:
        parser.error("--processes and --rounds must be at least 1")
    started = time.monotonic()
    if arguments.folder:
        os.makedirs(arguments.folder, exist_ok=True)
        passed, summary = stress(arguments.folder, arguments.processes, arguments.rounds)
    else:
        folder = tempfile.mkdtemp(prefix="pvm-cache-stress-")
        try:
            passed, summary = stress(folder, arguments.processes, arguments.rounds)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    for line in summary:
        print(line)
    print("%s in %.0f s" % ("PASSED" if passed else "FAILED", time.monotonic() - started))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
