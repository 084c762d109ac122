"""Run real projects' test suites under python3 and under pvm; print what passed and the
wall-time ratio.

    python3 scripts/real_suites.py [--pvm-option OPTION ...] [--timeout SECONDS] [NAME ...]

For each suite (six, toolz, attrs, jinja2, more-itertools, pyflakes, python-dateutil;
NAME picks some), the script downloads the project's source distribution (pinned
versions, from the package index), installs it with pytest and what its tests import into
a temporary virtual environment, and runs its tests there twice: ``python -m pytest`` and
``python -m pvm -m pytest``, pvm installed in the same environment.  The bytecode cache is
on for both (pvm's cache files are its own), and each side runs once before the timed run,
so that both are timed with their caches written.  Each side's column is pytest's counts
and the process's exit status; the ratio is pvm's wall time over CPython's.  pvm should
pass what CPython passes and end as it does (the script exits with 1 when a suite's two
columns differ).

Needs network access to the package index.  Not part of the unit tests: a run takes
minutes.
"""

import argparse
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# name -> (requirement of the source distribution, the folder in it holding the tests,
# what the tests need besides pytest).
SUITES = {
    "six": ("six==1.17.0", "test_six.py", []),
    "toolz": ("toolz==1.0.0", "toolz/tests", []),
    # Pinned, as every version here, so that runs on different days compare.
    "attrs": ("attrs==24.2.0", "tests", ["hypothesis==6.155.2"]),
    "jinja2": ("jinja2==3.1.4", "tests", []),
    "more-itertools": ("more-itertools==10.5.0", "tests", []),
    "pyflakes": ("pyflakes==3.2.0", "pyflakes/test", []),
    # The suite's setup.cfg turns warnings into errors, as the project's CI runs it;
    # its conftest marks tests no_cover, which pytest-cov registers.
    "python-dateutil": ("python-dateutil==2.9.0.post0", "tests",
                        ["freezegun==1.5.1", "hypothesis==6.155.2", "pytest-cov==5.0.0"]),
}
# pytest 9 deprecates what python-dateutil's suite does, an error under its warning
# filter; the suites' releases were tested with pytest 8.
PYTEST = "pytest==8.3.3"
_COUNTS = re.compile(r"(\d+) (passed|failed|skipped|xfailed|xpassed|errors?)\b")


def main(argv=None):
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("names", nargs="*", metavar="NAME")
    parser.add_argument("--pvm-option", action="append", default=[], metavar="OPTION",
                        help="an option for pvm only, e.g. --pvm-option=-Xtier=1")
    parser.add_argument("--timeout", type=float, default=3600,
                        help="seconds one run of a suite may take (default 3600)")
    arguments = parser.parse_args(argv)
    names = arguments.names or list(SUITES)
    unknown = [name for name in names if name not in SUITES]
    if unknown:
        parser.error("no suite named %s (known: %s)" % (", ".join(unknown), ", ".join(SUITES)))
    with tempfile.TemporaryDirectory(prefix="pvm-suites-") as folder:
        python = _environment(folder, names)
        print("%-16s %-36s %-36s %8s" % ("suite", "cpython", "pvm", "ratio"))
        results = []
        for name in names:
            tests = _unpacked(folder, python, name)
            host = _timed([python, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           SUITES[name][1]], tests, arguments.timeout)
            guest = _timed([python, "-m", "pvm", *arguments.pvm_option, "-m", "pytest",
                            "-q", "-p", "no:cacheprovider", SUITES[name][1]], tests,
                           arguments.timeout)
            ratio = guest[1] / host[1] if host[1] else float("nan")
            print("%-16s %-36s %-36s %7.1fx" % (name, host[0], guest[0], ratio), flush=True)
            results.append(host[0] == guest[0])
    return 0 if all(results) else 1


def _environment(folder, names):
    """A virtual environment with pvm, pytest and what the suites' tests need; its
    python."""
    subprocess.run([sys.executable, "-m", "venv", os.path.join(folder, "venv")], check=True)
    python = os.path.join(folder, "venv", "bin", "python")
    needs = sorted({need for name in names for need in SUITES[name][2]})
    subprocess.run([python, "-m", "pip", "install", "-q", PYTEST, *needs], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", REPOSITORY],
                   check=True)
    return python


def _unpacked(folder, python, name):
    """Download and install the suite's project from its source distribution; the folder
    it unpacked into, where its tests run."""
    requirement = SUITES[name][0]
    downloads = os.path.join(folder, "downloads")
    subprocess.run([python, "-m", "pip", "download", "-q", "--no-deps", "--no-binary",
                    ":all:", "-d", downloads, requirement], check=True)
    project, version = requirement.split("==")
    # Source archives spell the project's name with "-" or "_" (PEP 625).
    archive = next(os.path.join(downloads, entry) for entry in os.listdir(downloads)
                   if entry.lower().replace("_", "-").startswith("%s-%s" % (project, version)))
    with tarfile.open(archive) as opened:
        opened.extractall(downloads, filter="data")
    source = archive[:-len(".tar.gz")]
    subprocess.run([python, "-m", "pip", "install", "-q", source], check=True)
    return source


def _timed(command, folder, timeout):
    """(pytest's counts and the exit status, wall seconds) of the command's second run in
    ``folder``."""
    # The bytecode cache on, whatever the caller's environment says.
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    for _ in range(2):
        started = time.perf_counter()
        try:
            result = subprocess.run(command, cwd=folder, capture_output=True, text=True,
                                    timeout=timeout, env=environment)
        except subprocess.TimeoutExpired:
            return "timed out after %ds" % timeout, time.perf_counter() - started
        seconds = time.perf_counter() - started
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    counts = ", ".join("%s %s" % (count, kind) for count, kind in _COUNTS.findall(summary))
    return "%s%sexit %d" % (counts, ", " if counts else "", result.returncode), seconds


if __name__ == "__main__":
    sys.exit(main())
