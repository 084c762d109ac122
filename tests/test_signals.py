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


class _Woken(Exception):
    pass


def test_a_signal_that_waits_wakes_a_call_that_blocks_before_the_next_check():
    """A signal delivered in pvm's own work waits for the host's next check; when the
    guest's next instruction blocks in a host call first (``print(); time.sleep(60)``
    with Ctrl-C between), the call must still be interrupted, as CPython's would be."""
    import signal
    import threading
    import types

    from pvm.world.signals import Signals

    def handler(signalnum, frame):
        raise _Woken
    interpreter = types.SimpleNamespace(frame=object())   # a guest frame runs
    signals = Signals(interpreter)
    previous = signal.getsignal(signal.SIGUSR1)
    signals.set_handler(signal.SIGUSR1, handler)
    reading, writing = os.pipe()
    # What ends the read if nothing wakes it (the host checks after a call returns:
    # the handler would raise then, too late).
    writer = threading.Timer(30, os.write, (writing, b"x"))
    writer.start()
    try:
        # Delivered where no guest code may run (this test's own frame): it waits.
        signals.record(signal.SIGUSR1, sys._getframe())
        assert signals.pending == {signal.SIGUSR1}
        # No host check comes between these two statements.  Once no guest frame runs,
        # the host's handler runs the guest's.
        interpreter.frame = None; os.read(reading, 1)           # noqa: E702
    except _Woken:
        assert writer.is_alive(), "the read was not woken: it ended when written to"
    else:
        pytest.fail("the handler never ran")
    finally:
        writer.cancel()
        signals.release()
        signal.signal(signal.SIGUSR1, previous)
        os.close(reading)
        os.close(writing)
    assert signals.pending == set()
