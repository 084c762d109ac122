"""pvm itself must run on newer hosts too (the guest language stays 3.11).

Each available host parses and tokenizes a sample program with pvm; the result must equal
what pvm gives under the host running the tests (3.11, the oracle's version).
"""

import os
import subprocess
import sys

import pytest

PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OTHER_HOST_VERSIONS = ("3.12.1", "3.13.0")
SAMPLE = os.path.join(PROJECT_ROOT, "examples", "tour.py")

# ast.dump's format changes between hosts (3.13 leaves out empty fields), so the probe
# describes the tree by what does not: its source text and every node's type and position.
PROBE = """
import ast, io, sys, pvm
from pvm import tokenize
source = open(sys.argv[1], encoding="utf-8").read()
tree = pvm.parse(source)
print(ast.unparse(tree))
print([(type(node).__name__, getattr(node, "lineno", None), getattr(node, "col_offset", None),
        getattr(node, "end_lineno", None), getattr(node, "end_col_offset", None))
       for node in ast.walk(tree)])
print([tuple(token) for token in tokenize.generate_tokens(io.StringIO(source).readline)])
"""


def _expected_output():
    result = subprocess.run([sys.executable, "-c", PROBE, SAMPLE], capture_output=True,
                            text=True, cwd=PROJECT_ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("version", OTHER_HOST_VERSIONS)
def test_pvm_runs_on_newer_host(version):
    host = os.path.expanduser(f"~/.pyenv/versions/{version}/bin/python3")
    if not os.path.exists(host):
        pytest.skip(f"{host} is not installed on this machine")
    result = subprocess.run([host, "-c", PROBE, SAMPLE], capture_output=True, text=True,
                            cwd=PROJECT_ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == _expected_output()
