"""What ``sys.settrace`` keeps per guest frame (``pvm.engine.tracing``).

A frame gets its ``FrameTrace`` when tracing first asks for it, so untraced
frames pay nothing.  It sits below both the frame, whose ``f_trace``
attributes read it, and the tracing that reports events with it.
"""


class FrameTrace:
    """What tracing keeps per frame."""

    __slots__ = ("f_trace", "f_trace_lines", "f_trace_opcodes", "entered", "last_index",
                 "last_line")

    def __init__(self):
        self.f_trace = None
        self.f_trace_lines = True
        self.f_trace_opcodes = False
        self.entered = False        # False until 'call' is reported, again after a yield
        self.last_index = -1        # the instruction the frame ran last
        self.last_line = None


def frame_trace(frame):
    """The trace state of ``frame``, made on first use."""
    state = frame.trace_state
    if state is None:
        state = frame.trace_state = FrameTrace()
    return state


def frame_attribute(name, default, flag=False, deletable=False):
    """A frame's ``f_trace``-like attribute, kept in its trace state: a ``flag`` takes
    a bool only; deleting a ``deletable`` one sets it back to ``default``."""

    def get(frame):
        state = frame.trace_state
        return getattr(state, name) if state is not None else default

    def set_(frame, value):
        if flag and type(value) is not bool:
            raise TypeError("attribute value type must be bool")
        setattr(frame_trace(frame), name, value)

    def delete(frame):
        setattr(frame_trace(frame), name, default)

    return property(get, set_, delete if deletable else None)
