"""The code passes the linter with the project's configuration (pyproject.toml), as
CONTRIBUTING.md promises: ruff is in the test extra, so CI runs this."""

import shutil
import subprocess
import sys

from tests.subprocesses import REPOSITORY_FOLDER


def test_ruff_finds_nothing():
    command = [sys.executable, "-m", "ruff"]
    if subprocess.run(command + ["--version"], capture_output=True).returncode != 0:
        # Installed as a command only (not importable by this interpreter).
        executable = shutil.which("ruff")
        assert executable, "ruff is in the test extra: pip install -e '.[test]'"
        command = [executable]
    result = subprocess.run(command + ["check", "pvm", "scripts", "benchmarks", "tests"],
                            cwd=REPOSITORY_FOLDER, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
