"""The interactive prompt on a terminal: line editing, tab completion and history come
from the guest's site module (its sys.__interactivehook__ loads readline), as in CPython.

Each session is typed into ``python3`` and into ``python3 -m pvm`` on a pseudo-terminal,
with a fresh HOME (so the history file starts empty); the screens must be the same.
"""

import os
import select
import signal
import sys
import time

import pytest

pty = pytest.importorskip("pty", reason="pseudo-terminals are POSIX only")

REPOSITORY_FOLDER = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROMPT = b">>> "
# (keys typed, what must show before the next keys are typed: the next prompt, so that
# the program is reading again when they come)
SESSION = [
    (b"", PROMPT),
    (b"total = 42\n", PROMPT),
    (b"tot\t", b"total"),           # tab completion of a guest name
    (b" + 1\n", b"43\r\n" + PROMPT),
    (b"\x1b[A\n", b"43\r\n" + PROMPT),  # up arrow: the line before, again
    (b"exit()\n", None),
]


def read_until(descriptor, screen, wanted, deadline):
    """Read the terminal until ``wanted`` appears after what the screen had (or it ends)."""
    start = len(screen)
    while time.monotonic() < deadline:
        if wanted is not None and wanted in screen[start:]:
            return screen
        ready, _, _ = select.select([descriptor], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(descriptor, 4096)
            except OSError:          # the child closed the terminal
                return screen
            if not chunk:
                return screen
            screen += chunk
    raise AssertionError("timed out waiting for %r; the screen so far: %r" % (wanted, screen))


def type_session(command, home):
    environment = dict(os.environ, HOME=str(home), TERM="xterm")
    environment.pop("PYTHONSTARTUP", None)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    process, descriptor = pty.fork()
    if process == 0:
        os.chdir(REPOSITORY_FOLDER)
        os.execve(command[0], command, environment)
    screen = b""
    finished = False
    try:
        for keys, wanted in SESSION:
            if keys:
                # A step at a time, so each program reads a line as a user types it.
                os.write(descriptor, keys)
            screen = read_until(descriptor, screen, wanted, time.monotonic() + 120)
        finished = True
    finally:
        if not finished:             # still at its prompt: end it, or waiting would hang
            os.kill(process, signal.SIGKILL)
        _, status = os.waitpid(process, 0)
        os.close(descriptor)
    return screen, os.waitstatus_to_exitcode(status)


def test_prompt_edits_completes_and_remembers_like_python(tmp_path):
    (tmp_path / "python").mkdir()
    (tmp_path / "pvm").mkdir()
    expected = type_session([sys.executable, "-q"], tmp_path / "python")
    actual = type_session([sys.executable, "-q", "-m", "pvm", "-q"], tmp_path / "pvm")
    assert actual == expected
    history = (tmp_path / "python" / ".python_history").read_bytes()
    assert (tmp_path / "pvm" / ".python_history").read_bytes() == history
