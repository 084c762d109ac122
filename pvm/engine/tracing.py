"""``sys.settrace`` and ``sys.setprofile`` for guest code: the events debuggers,
coverage tools, ``trace`` and ``profile`` use.

A trace function costs nothing until some thread sets one.  Then every decoded
code object's handlers are replaced, in place (the loop holds the list), by
handlers of one instruction each (no fused runs), each wrapped to report what
CPython 3.11 reports before that instruction runs:

- ``call`` when a frame starts or a generator resumes, to the thread's trace function,
  whose result becomes the frame's ``f_trace``;
- ``line`` when the instruction's line differs from that of the instruction the frame
  ran last, or a jump went backwards (except onto a SEND: a ``yield from`` waiting);
- ``opcode`` for every instruction, where the frame's ``f_trace_opcodes`` asks;
- ``return`` at a return or a yield, with the value;

and the loop reports ``exception`` where an exception enters a frame and ``return``
(with None) where one leaves it.  Events after ``call`` go to the frame's ``f_trace``;
a result other than None replaces it.  A profile function gets the 'call' and 'return'
events of every frame (CPython's 'c_call' family, for calls of built-in functions, is
not reported yet).  While either runs, its thread reports nothing; should one raise,
it is removed for the thread.  When no thread traces or profiles any more, the plain
handlers come back.

The per-frame state (``f_trace`` and where the frame was) lives in a ``FrameTrace``
that only traced frames get, so frames pay nothing for it (``pvm.engine.frame_trace``).
"""

import _thread

from pvm import opcodes
from pvm.engine import guest_traceback
from pvm.engine.frame_trace import frame_trace
from pvm.engine.objects import Coroutine, Function, Generator

_get_ident = _thread.get_ident


class ThreadTrace:
    """A thread's trace and profile functions, and whether one is running (events then
    go unreported)."""

    __slots__ = ("function", "profile", "busy")

    def __init__(self):
        self.function = None
        self.profile = None
        self.busy = False


def set_trace(interpreter, function):
    """``sys.settrace(function)`` in the calling thread."""
    _set(interpreter, "function", function)


def set_profile(interpreter, function):
    """``sys.setprofile(function)`` in the calling thread: 'call' and 'return' events
    of guest frames (not yet the 'c_call' family of calls to built-in functions)."""
    _set(interpreter, "profile", function)


def _set(interpreter, kind, function):
    ident = _get_ident()
    thread = interpreter.tracers.get(ident)
    if function is not None:
        if thread is None:
            thread = interpreter.tracers[ident] = ThreadTrace()
        setattr(thread, kind, function)
        # The frames running now started before: no 'call' for them, as in CPython,
        # and their lines count from where they are.
        frame = interpreter.running_frame()
        while frame is not None:
            state = frame_trace(frame)
            if not state.entered:
                state.entered = True
                state.last_index = frame.current_index()
                state.last_line = frame.f_code.line_of(state.last_index)
            frame = frame.f_back
    elif thread is not None:
        setattr(thread, kind, None)
        if thread.function is None and thread.profile is None:
            del interpreter.tracers[ident]
    tracing = bool(interpreter.tracers)
    if tracing != interpreter.tracing:
        interpreter.tracing = tracing
        if tracing:
            interpreter.instrument(instrument)
        else:
            interpreter.uninstrument(instrument)


def get_trace(interpreter):
    thread = interpreter.tracers.get(_get_ident())
    return thread.function if thread is not None else None


def get_profile(interpreter):
    thread = interpreter.tracers.get(_get_ident())
    return thread.profile if thread is not None else None


def instrument(handler, code, index, opcode, operand):
    """The handler that reports trace events before running ``handler`` (the
    interpreter's instrument while some thread traces)."""
    traced = _traced_instruction(handler, index, code.line_of(index), opcode)
    return _traced_send(traced, index) if opcode == opcodes.SEND else traced


def _traced_send(traced, index):
    """SEND: as CPython's when it traces, report the StopIteration that ends the
    awaited or delegated-to iterator (it calls send() or __next__ then, which raise
    it, except a generator or a built-in iterator's __next__ that returns None)."""
    def traced_send(frame, stack, fast):
        sent = stack[-1]
        receiver = stack[-2]
        following = traced(frame, stack, fast)
        if following != index + 1:
            value = stack[-1]
            if value is not None or sent is not None or not _iterates_natively(receiver):
                report_exception(frame.interpreter, frame, StopIteration(value), index,
                                 call_if_needed=False)
        return following
    return traced_send


def _iterates_natively(receiver):
    """Whether ``next()`` of ``receiver`` ends without raising (a generator, a built-in
    iterator), rather than by a ``__next__`` of Python code raising StopIteration."""
    kind = type(receiver)
    if kind is Generator:
        return True
    if kind is Coroutine:
        return False
    for klass in kind.__mro__:
        method = klass.__dict__.get("__next__")
        if method is not None:
            return not isinstance(method, Function)
    return False


def _traced_instruction(handler, index, line, opcode):
    onto_send = opcode == opcodes.SEND
    leaves = opcode == opcodes.RETURN_VALUE or opcode == opcodes.YIELD_VALUE
    suspends = opcode == opcodes.YIELD_VALUE

    def traced(frame, stack, fast):
        thread = frame.interpreter.tracers.get(_get_ident())
        if thread is None or thread.busy:
            return handler(frame, stack, fast)
        state = frame_trace(frame)
        if not state.entered:
            report_call(thread, frame, state)
        if state.f_trace is not None and thread.function is not None:
            if state.f_trace_lines and line is not None and (
                    line != state.last_line or (index < state.last_index and not onto_send)):
                _report(thread, frame, state, index, "line", None)
            if state.f_trace_opcodes:
                _report(thread, frame, state, index, "opcode", None)
        state.last_index = index
        state.last_line = line
        if leaves:
            report_return(thread, frame, state, index, stack[-1])
        if suspends:
            state.entered = False
        return handler(frame, stack, fast)
    return traced


def report_call(thread, frame, state):
    """Report that ``frame`` starts (or resumes), to the trace function then to the
    profile function; the frame's line is its ``def`` line, or where it is suspended."""
    state.entered = True
    if state.last_index < 0 and frame.resume_index > 0:
        # A generator suspended before the tracer was set resumes where it stopped,
        # on that line (no 'line' event for it, as in CPython).
        state.last_index = frame.resume_index - 1
        state.last_line = frame.f_code.line_of(state.last_index)
    if thread.function is not None:
        result = _at(frame, state, thread, thread.function, "call", None)
        if result is not None:
            state.f_trace = result
    if thread.profile is not None:
        _at(frame, state, thread, thread.profile, "call", None)


def _at(frame, state, thread, function, event, argument):
    """Call ``function`` for a 'call' event: a frame not started is at index -1, which
    it reports as its first line."""
    if state.last_index >= 0:
        return _call(thread, function, frame, state, event, argument)
    saved = frame.resume_index, frame.exit_index
    frame.resume_index = frame.exit_index = -1
    try:
        return _call(thread, function, frame, state, event, argument)
    finally:
        frame.resume_index, frame.exit_index = saved


def report_return(thread, frame, state, index, value):
    """``frame`` returns or yields ``value`` at the instruction at ``index``."""
    if state.f_trace is not None and thread.function is not None:
        _report(thread, frame, state, index, "return", value)
    if thread.profile is not None:
        _at_index(thread, thread.profile, frame, state, index, "return", value)


def report_exception(interpreter, frame, error, index, call_if_needed=True):
    """An exception entered ``frame`` at the instruction at ``index``."""
    thread = interpreter.tracers.get(_get_ident())
    if thread is None or thread.busy:
        return
    state = frame_trace(frame)
    if call_if_needed and not state.entered:
        # Thrown into a suspended generator: it resumes first.
        report_call(thread, frame, state)
    if state.f_trace is not None and thread.function is not None:
        _report(thread, frame, state, index, "exception",
                (type(error), error, guest_traceback.traceback_of(error)))


def report_unwind(interpreter, frame):
    """An exception leaves ``frame``: its ``return`` event, with None, at the
    instruction that raised it (a re-raise reports the one that raised first)."""
    thread = interpreter.tracers.get(_get_ident())
    if thread is None or thread.busy:
        return
    report_return(thread, frame, frame_trace(frame), frame.exit_index, None)


def _report(thread, frame, state, index, event, argument):
    """An event for the frame's trace function, whose result (unless None) replaces it."""
    result = _at_index(thread, state.f_trace, frame, state, index, event, argument)
    if result is not None:
        state.f_trace = result


def _at_index(thread, function, frame, state, index, event, argument):
    # The frame reports the line of the instruction at ``index`` while the function
    # runs (the loop keeps the running index to itself).
    frame.resume_index = index + 1
    return _call(thread, function, frame, state, event, argument)


def _call(thread, function, frame, state, event, argument):
    thread.busy = True
    try:
        return function(frame, event, argument)
    except BaseException:
        # As CPython: a function that raises is removed (a trace function from the
        # frame too).
        if function is thread.profile:
            set_profile(frame.interpreter, None)
        else:
            state.f_trace = None
            set_trace(frame.interpreter, None)
        raise
    finally:
        thread.busy = False
