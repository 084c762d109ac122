"""scripts/startup_profile.py runs on ``-c pass`` and prints its tables.

Only the shape of the report is checked, never a time: the machines are shared and
noisy, and the script is a measuring tool, not a benchmark gate.  What it checks first
is that the functions the script wraps (its WRAPPED table) are still where it looks,
which is what breaks when pvm's modules move.
"""

import os
import re
import subprocess
import sys

import startup_profile     # scripts/ is on the path (conftest.py)
from subprocesses import REPOSITORY_FOLDER, environment

SCRIPT = os.path.join(REPOSITORY_FOLDER, "scripts", "startup_profile.py")


def test_wrapped_functions_are_where_the_script_looks():
    resolved = startup_profile.resolve_all()
    assert set(resolved) == set(startup_profile.WRAPPED)


def test_profile_of_c_pass(tmp_path):
    result = subprocess.run(
        [sys.executable, SCRIPT, "--quick", "--cache", str(tmp_path / "cache")],
        capture_output=True, text=True, env=environment(), cwd=REPOSITORY_FOLDER, timeout=600)
    assert result.returncode == 0, result.stderr
    output = result.stdout
    assert output.startswith("pvm start-up profile: -c pass, warm cache")
    # Whole processes, both interpreters, and their ratio.
    assert re.search(r"^  python3 -c pass +\d+\.\d+$", output, re.M)
    assert re.search(r"^  python3 -m pvm -c pass +\d+\.\d+ +\d+\.\dx python3$", output, re.M)
    # The phases of start-up, site's import among them.
    for phase in ("python3's own start-up", "pvm's host modules (import)",
                  "world: builtins, sys", "importlib bootstrap (importer.install)",
                  "import _frozen_importlib", "import site", "__main__ (the program)",
                  "finalize", "then the host's own teardown"):
        assert phase in output, phase
    # Totals by category, each with a figure and a share.
    totals = output.split("Totals by category (ms)\n", 1)[1].split("\n\n", 1)[0]
    for category in ("load", "decode", "run-body", "compile", "gc", "other"):
        assert re.search(r"^  %s.* +\d+\.\d +\d+\.\d%%" % re.escape(category), totals, re.M), \
            category
    assert re.search(r"^  sum +\d+\.\d +the child's CPU \(wait4\): \d+\.\d$", totals, re.M)
    # The table of guest imports, as -X importtime's, with CPython's figures beside.
    table = output.split("Guest imports (us)", 1)[1].split("\n\n", 1)[0].splitlines()
    header = table[1].split()
    assert header[:2] == ["self", "cumulative"] and header[-1] == "module"
    rows = {line.split("|")[-1].split()[0]: line for line in table[2:-1]}
    assert {"_frozen_importlib", "site", "os"} <= set(rows)
    assert re.match(r"^ +\d+ +\d+ ", rows["os"]) and rows["os"].count("|") == 2
    assert re.match(r"^\d+ guest modules, self times \d+\.\d ms", table[-1])
    # The counting run: instructions executed, code objects decoded.
    assert re.search(r"fusion off: \d+ instructions executed; \d+ code objects decoded", output)
