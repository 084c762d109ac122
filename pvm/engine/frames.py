"""Guest frames: one activation of a code object each, and the value of a fast local
that has none.

A ``Frame`` speaks the host's frame protocol (``f_code``, ``f_lineno``,
``f_locals``, ``f_back``, ``f_trace``, ``clear()``...), so debuggers and the
traceback module read guest frames as they read CPython's.
"""

from pvm.code import BuiltinType
from pvm.engine.descriptors import ReadOnlyAttribute, refuse_pickling, set_in_class
from pvm.engine.frame_trace import frame_attribute
from pvm.engine.host_stack import running_index


# Non-empty while tier 1's translated code must hand the frames it runs to tier 0's loop
# at its next check (after a guest call, at a loop's back-edge; ``pvm.engine.tier1``):
# an interpreter instruments its code (sys.settrace, -X trace: the loop runs the traced
# handlers), or a signal waits for a place where its guest handler may run (the loop's
# boundaries: ``pvm.world.signals``).  Each holds itself in it while it needs that.  One
# list for the process, which the translations read as a global: testing it costs a
# check some nanoseconds, and a world that has none of these only sees it empty.
LEAVE_TRANSLATED = []


class Unbound:
    """The value of a fast local that has no value yet."""

    __slots__ = ()

    def __repr__(self):
        return "<unbound>"


UNBOUND = Unbound()


# What Interpreter.enter stores on every frame it makes, in its order (as
# _frame_of_frameless does): the names every frame's values start with.
ENTERED = ("f_code", "handlers", "f_globals", "f_builtins", "interpreter", "stack", "fast")


class Frame(metaclass=BuiltinType):
    """One activation of a code object.

    No ``__slots__``: what most frames never change is a class attribute, so making a
    frame (every guest call does) sets seven attributes, not twenty.  Instances keep
    the host's compact attribute storage all the same.
    """

    # The defaults every frame starts with.
    fast = None
    cells = None
    f_locals_mapping = None         # class bodies and modules: the namespace dict
    back = None                     # the caller's frame (``f_back``, but see there)
    frameless_below = None          # (see f_back)
    resume_index = 0
    callee = None
    return_value = None
    reraising = False
    depth = 0
    failed_index = -1
    exit_index = 0                  # the instruction an exception was last raised at
    generator = None
    # A generator's: tier 1's host generator running it; once that has ended, what it
    # left the frame with (RETURN, an index for tier 0, or an exception) until its
    # resumer reads it (objects._Suspendable._after_host_generator).  One name for the
    # two, as each name frames store widens every frame (_share_one_layout).
    translated = None
    trace_state = None
    locals_snapshot = None
    special_exit = None             # the instance an __init__ frame initializes (enter_init)
    # A frame made while a frameless runner of tier 1 runs it: that runner's host frame,
    # until it leaves the frame (the locals it runs with are its host locals, read off
    # there: host_stack.fast_locals).
    runner = None

    # No __init__: ``Frame()`` then the attributes, set by Interpreter.enter (which makes
    # most frames) and new_frame in the same order, so that all frames share one layout.
    # A class call with no __init__ of its own costs less than object.__new__(Frame).

    def __repr__(self):
        return "<frame at %#x, file %r, line %s, code %s>" % (
            id(self), self.f_code.co_filename, self.f_lineno, self.f_code.co_name)

    def current_index(self):
        """The index of the instruction this frame is at: the one running, the call
        it is suspended in, or the last one run (a frame that has ended)."""
        if self.interpreter.frame is self:
            return running_index(self)
        if self.resume_index < 0:
            return self.exit_index
        # Waiting in a host call that called guest code back (a property, an
        # operator's special method) the frame still runs in its loop or runner, which
        # knows the instruction; at a guest call, the call stored it.
        return running_index(self)

    def _caller(self):
        """``f_back``: the frame this one links back to, ``back``, unless the frame is
        a generator's resumed by a function running with no frame of its own (``sum()``
        over a generator expression, in one of tier 1's frameless runners: tier 1's
        host generators link it so, ``tier1._DRIVER_LINK``), whose depth
        ``frameless_below`` holds then.  Its
        frame, and those of its callers that have none, are made on this first read
        (``Interpreter.frames_below_generator``); until someone reads it, resuming the
        generator costs its resumers no frame.

        The engine reads and writes ``back``, a plain attribute: a class-level
        descriptor for the attribute itself would keep the host from specializing
        every read and write of it (three times the cost of each, on every call)."""
        if self.frameless_below is not None:
            return self.interpreter.frames_below_generator(self)
        return self.back

    f_back = ReadOnlyAttribute("f_back", _caller)

    @property
    def f_lineno(self):
        return self.f_code.line_of(self.current_index())

    # In CPython's units, two per instruction, as tb_lasti: inspect and traceback halve
    # it to find the instruction's entry in co_positions.
    @property
    def f_lasti(self):
        return self.current_index() * 2

    @property
    def f_locals(self):
        return self.interpreter.frame_locals(self)

    # The trace state is made on first use (pvm.engine.frame_trace): untraced frames
    # pay nothing.
    f_trace = frame_attribute("f_trace", None, deletable=True)
    f_trace_lines = frame_attribute("f_trace_lines", True, flag=True)
    f_trace_opcodes = frame_attribute("f_trace_opcodes", False, flag=True)

    def clear(self):
        # ``generator``, a weak reference to the generator or coroutine that owns the
        # frame, is set only once the frame was handed out (gi_frame): no cost per call.
        owner = self.generator
        if owner is not None:
            generator = owner()
            if generator is not None:
                if generator._is_running():
                    raise RuntimeError("cannot clear an executing frame")
                generator._finalize()
                return
            # The generator is gone and will never resume its frame: clear it.
        elif self.resume_index >= 0:
            # A frame whose code has not finished is running somewhere down the stack
            # (clearing it would pull its locals away); traceback.clear_frames counts on
            # this error to leave such frames alone.
            raise RuntimeError("cannot clear an executing frame")
        self.stack = []
        self.fast = [UNBOUND] * len(self.fast or ())
        self.cells = None


# The name CPython gives the type, which error messages and reprs show.
set_in_class(Frame, __name__="frame", __qualname__="frame", __module__="builtins",
             __reduce_ex__=refuse_pickling, __reduce__=refuse_pickling)


def _share_one_layout():
    """Put in the table of attribute names that frames share, before any frame is made,
    the names the common frames store: those of every call (Interpreter.enter's, in
    its order), and that of a generator's frame at tier 1 (``translated``).  The host
    keeps an instance's attributes compact, its values beside that shared table, while
    each name it stores is in the table; a name the table lacks, stored on an instance
    that lacks some of the table's, makes the instance a dict of its own (on CPython
    3.11; a frame made with no caller, as a generator's is, lacks ``depth``).  Such a
    frame took 464 bytes where a compact one took 176, and longer to make.  Each name
    the table holds widens every frame's values, so it holds these only (others join
    it as frames store them, where they can).  With two more (a generator's way out of
    its host generator, and whether it keeps a layer of handled exceptions: now its
    ``translated`` and its saved exception say them), 200,000 suspended generators at
    tier 0 took 2.0x CPython's memory, 1.9x without (benchmarks/object_memory.py)."""
    prototype = Frame()
    for name in ENTERED + ("cells", "depth", "back", "resume_index", "return_value",
                           "translated"):
        setattr(prototype, name, None)


_share_one_layout()
