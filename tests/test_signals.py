"""Signals as CPython delivers them: guest handlers run between instructions, where
CPython checks, never inside pvm's own work (pvm.world.signals,
pvm.engine.safe_points).  Each program in tests/signal_programs/ runs under python3
and pvm, and both must print the same."""

import os
import sys

import pytest

from subprocesses import run

FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "signal_programs")
PROGRAMS = sorted(name for name in os.listdir(FOLDER) if name.endswith(".py"))


@pytest.mark.parametrize("name", PROGRAMS)
def test_signal_program_behaves_as_under_python3(name, tmp_path):
    path = os.path.join(FOLDER, name)
    expected = run([sys.executable, path], str(tmp_path))
    # Signals come at different moments each run: a few runs each.
    for _ in range(3):
        assert run([sys.executable, "-m", "pvm", path], str(tmp_path)) == expected


def test_safe_points_know_the_host_s_opcodes():
    """safe_points writes out the host's opcode numbers it looks for (the opcode module
    is not imported at start-up): they must be this host's."""
    import opcode

    from pvm.engine import safe_points

    assert safe_points._HOST_OPCODES == {
        name: opcode.opmap[name] for name in safe_points._HOST_OPCODES}
