"""scripts/real_suites.py runs a real project's test suite under python3 and under pvm."""

import os
import subprocess
import sys
import urllib.request

import pytest

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _index_reachable():
    try:
        urllib.request.urlopen("https://pypi.org/simple/six/", timeout=10).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _index_reachable(),
                    reason="the package index (pypi.org) is out of reach: nothing to install")
def test_six_passes_the_same_tests_under_pvm():
    result = subprocess.run([sys.executable, os.path.join(REPOSITORY, "scripts",
                                                          "real_suites.py"), "six"],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    header, row = result.stdout.splitlines()
    assert header.split() == ["suite", "cpython", "pvm", "ratio"]
    # "six  198 passed, 2 skipped  198 passed, 2 skipped  9.9x": the same counts twice.
    name, rest = row.split(None, 1)
    counts, ratio = rest.rsplit(None, 1)
    assert name == "six" and ratio.endswith("x") and float(ratio[:-1]) > 0
    words = counts.split()
    half = len(words) // 2
    assert words[:half] == words[half:] and words[1] == "passed,"
