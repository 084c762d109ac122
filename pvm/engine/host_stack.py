"""What only the host's stack knows: where the running guest frame is, and which
interpreter runs it.

The loop keeps the index of the running instruction in a local variable and stores
it on the frame only at calls (a store per instruction would slow every program
down), so the host frame of the loop running a guest frame is the one place that
knows it; and the innermost loop on the host's stack is the interpreter whose guest
code called the host code that asks.  Only introspection pays for the walk
(``f_lineno`` of a running frame, ``types.FunctionType(...)`` called by guest code).

The loop marks itself (``runs_guest_frames``), so this module, below the loop's and
the frames', needs to import neither.
"""

import sys

# The code objects of the functions marked by runs_guest_frames.
_LOOP_CODES = set()


def runs_guest_frames(loop):
    """Mark ``loop`` as a function that runs guest frames, whose host frame keeps the
    interpreter in its local variable ``self``, the guest frame it runs in ``frame``
    and the index of the instruction running there in ``index``."""
    _LOOP_CODES.add(loop.__code__)
    return loop


def _running_loops():
    """The local variables of each loop on the host's stack, innermost first."""
    host = sys._getframe(1)
    while host is not None:
        if host.f_code in _LOOP_CODES:
            yield host.f_locals
        host = host.f_back


def running_index(frame):
    """The index of the instruction ``frame`` is running now (or, if no loop runs it,
    the one it stopped after)."""
    for variables in _running_loops():
        if variables.get("frame") is frame:
            return variables["index"]
    return max(frame.resume_index - 1, 0)


def running_interpreter():
    """The interpreter whose loop is running guest code that called the host (the
    innermost, should interpreters nest)."""
    for variables in _running_loops():
        return variables["self"]
    raise RuntimeError("no pvm interpreter is running")
