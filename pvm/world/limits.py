"""A world's limits: instructions, seconds and memory, checked where guest code runs.

A limited world's interpreter charges its instructions to the world's ``Limits``
(``Interpreter.set_budget``; an unlimited world's pays nothing): each basic block,
a stretch of instructions that always runs whole once started (barring an
exception), takes its length from ``Limits.left`` as it starts, in the handlers the
code runs anyway (``pvm.engine.charging``).  So counting is deterministic, the same
program stops at the same place every time, and exact to the block: a block that
does not fit in what is left of the budget does not start, and the world never runs
more instructions than allowed.  (A block cut short by an exception has been charged
whole.)  Where time or memory is limited, ``left`` is granted in slices of
``SLICE`` instructions, and the clock and the memory are read when a slice is used
up: some hundred times a second at pvm's speed.

When a limit is exceeded, its exception is raised in the guest and the world is
*stopped*: the interpreter finds no exception handler for any frame (``except``
and ``finally`` clauses, ``with`` exits, are handlers), and any guest code that
starts anyway (a finalizer, a generator closed as its frame goes) raises it again
at its first block.  A world is started again, with a fresh budget, by the next
``World.run``, ``eval`` or ``call``.
"""

import time
from types import MethodType, ModuleType

from pvm.engine.interpreter import Interpreter
from pvm.engine.objects import Function
from pvm.world import amplifiers, full_passes, memory as memory_sizes

# Instructions granted at a time: the clock and the memory are read at each grant,
# about every millisecond of guest code at tier 0.
SLICE = 10_000
# ... of which ``left`` holds at most this many.
CHUNK = 10_000


class LimitExceeded(Exception):
    """A limit of a ``pvm.World`` was exceeded: no guest code ran after it."""


class InstructionLimitExceeded(LimitExceeded):
    """The guest ran out of instructions (``World(instructions=N)``)."""


class TimeLimitExceeded(LimitExceeded):
    """The guest ran out of time (``World(seconds=S)``)."""


class MemoryLimitExceeded(LimitExceeded):
    """The guest's allocations passed the limit (``World(memory=BYTES)``)."""


class Limits:
    """The budgets of one world, what is left of them, and whether it is stopped."""

    # Slots: the charges read and write ``left``, and the checks read what they need,
    # in the guest's hot code; an attribute in a slot is read and written in fewer host
    # instructions than one of a dict (the host shares no dict's keys of more than 30:
    # a charge of a stretch in a dict of this many took 27 ns, in a slot 16 to 20).
    __slots__ = ("interpreter", "instructions", "seconds", "memory", "left", "pending",
                 "remaining", "deadline", "stopped", "memory_meter", "holds_full_passes",
                 "guarded_operators", "guards_calls", "check_operation", "check_call",
                 "check_call_with_names", "check_star_call", "check_format",
                 "check_extend", "check_class_namespace", "sized_types",
                 "check_special_method", "sized_kinds", "bound_kinds", "unsized_callables",
                 "sized_callables", "sized_owners", "sized_names", "lazy_types", "grown_names",
                 "concatenated_types",
                 "guest_function", "bound_method", "wrapper_kinds", "collection_types",
                 "builtin_kind", "module_type")

    def __init__(self, interpreter, instructions=None, seconds=None, memory=None):
        self.interpreter = interpreter
        self.instructions = instructions
        self.seconds = seconds
        self.memory = memory
        # Instructions the stretches may take now (pvm.engine.charging): at most
        # CHUNK.  A float: the charges' arithmetic makes a new one each time, which
        # the host takes from and gives back to its free list of floats (an int's
        # went through its object allocator).
        self.left = 0.0
        self.pending = 0.0            # of the time slice, what is not in ``left`` yet
        self.remaining = None       # of the budget, what no slice has (None: no end)
        self.deadline = None
        self.stopped = None         # the LimitExceeded raised, until the next start
        self.memory_meter = None    # with a memory limit, pvm.world.memory's
        self.holds_full_passes = False  # whether the run holds off full collections
        # The operators the engine checks before they run (BINARY_OP's operands), and
        # whether calls and formatting with a spec are checked too
        # (pvm.engine.size_checks): with a memory limit, for the room their result
        # takes; with a time limit, for the time making it takes (a host operation
        # cannot be cut short once started: pvm.world.amplifiers).
        self.guarded_operators = frozenset()
        self.guards_calls = False
        if memory is not None:
            self.memory_meter = memory_sizes.MemoryMeter(memory, self._out_of_memory)
        if seconds is not None:
            full_passes.install()
        if memory is not None or seconds is not None:
            checks = amplifiers.OperationChecks(self.memory_meter, self, seconds is not None)
            self.guarded_operators = amplifiers.AMPLIFYING | amplifiers.CONCATENATING
            self.guards_calls = True
            # What the checks call and read (pvm.engine.size_checks.BUDGET_NAMES): the
            # checks' own methods, one call from the handler.
            self.check_operation = checks.check_operation
            self.check_call = checks.check_call
            self.check_call_with_names = checks.check_call_with_names
            self.check_star_call = checks.check_star_call
            self.check_format = checks.check_format
            self.check_extend = checks.check_extend
            self.check_class_namespace = checks.check_class_namespace
            self.sized_types = amplifiers.SIZED_OR_CLASS_TYPES
            self.check_special_method = checks.check_special_method
            self.sized_kinds = amplifiers.SIZED_KINDS
            self.bound_kinds = amplifiers.BOUND_KINDS
            self.unsized_callables = amplifiers.UNSIZED_CALLABLES
            self.sized_callables = amplifiers.SIZED_CALLABLES
            self.sized_owners = amplifiers.SIZED_OWNERS
            self.sized_names = amplifiers.SIZED_NAMES
            self.lazy_types = amplifiers.LAZY_TYPES
            self.guest_function = Function
            self.bound_method = MethodType
            self.wrapper_kinds = amplifiers.WRAPPER_KINDS
            self.collection_types = amplifiers.COLLECTION_TYPES
            self.builtin_kind = amplifiers.BUILTIN_KIND
            self.module_type = ModuleType
            self.grown_names = amplifiers.GROWN_NAMES
            self.concatenated_types = amplifiers.CONCATENATED_TYPES

    def activate(self):
        """Count from now on (start-up's code runs uncounted, at full speed)."""
        self.interpreter.find_handler = self._find_handler
        self.interpreter.set_budget(self)

    def start(self):
        """A run, eval or call of the host's begins: the budgets are whole again (the
        first charge opens the first slice)."""
        self.stopped = None
        self.deadline = (time.monotonic() + self.seconds) if self.seconds is not None \
            else None
        if self.memory_meter is not None:
            self.memory_meter.start()
        self.left = self.pending = 0.0
        self.remaining = self.instructions

    def finish(self):
        """The run, eval or call of the host's ended (or failed)."""
        if self.holds_full_passes:
            self.holds_full_passes = False
            full_passes.release()

    def spent(self):
        """The instructions charged since the start (those of stretches cut short by
        an exception included)."""
        return self.instructions - int(self.left + self.pending) - self.remaining

    def refill(self, length):
        """A stretch of ``length`` instructions did not fit in ``left``: grant more,
        from the slice or, once that is used up, from a new one (after checking the
        clock and the memory), or stop."""
        self.left += length
        if self.stopped is not None:
            raise self.stopped
        if self.left + self.pending < length:
            self._open_slice(length)
        available = self.left + self.pending
        chunk = min(available, max(CHUNK, length))
        self.pending = available - chunk
        self.left = chunk - length

    def _open_slice(self, length):
        self.check_clock()
        if self.memory_meter is not None:
            self.memory_meter.check()
        granted = max(SLICE, length)
        if self.remaining is not None:
            granted = min(granted, self.remaining)
            if self.left + self.pending + granted < length:
                self.stop(InstructionLimitExceeded(
                    "the world ran out of instructions (%d)" % self.instructions))
            self.remaining -= granted
        self.pending += granted

    def _out_of_memory(self, what):
        self.stop(MemoryLimitExceeded("the world ran out of memory (%d bytes): %s"
                                      % (self.memory, what)))

    def check_clock(self):
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            if left < 0.0:
                self.time_out()
            if left < full_passes.window() and not self.holds_full_passes:
                # A full collection starting now could end past the deadline, and
                # nothing cuts it short (pvm.world.full_passes).
                self.holds_full_passes = True
                full_passes.hold()

    def time_out(self, why=None):
        self.stop(TimeLimitExceeded("the world ran out of time (%g s)%s"
                                    % (self.seconds, ": " + why if why else "")))

    def adapt_time(self, module):
        """The guest's ``time.sleep`` sleeps no further than the deadline."""
        host_sleep = module.sleep
        limits = self

        def sleep(seconds, /):
            if limits.deadline is not None and seconds > 0:
                left = limits.deadline - time.monotonic()
                if seconds > left:
                    host_sleep(max(left, 0))
                    limits.time_out()
            host_sleep(seconds)
        sleep.__doc__ = host_sleep.__doc__
        module.sleep = sleep

    def stop(self, error):
        """Raise ``error`` in the guest, and keep raising it wherever guest code starts."""
        self.stopped = error
        # (Far enough below zero that no refund brings it back.)
        self.left = -_STOPPED
        raise error

    def _find_handler(self, frame, index):
        # A stopped world's frames handle nothing: the exception goes straight out.
        if self.stopped is not None:
            return None
        return Interpreter.find_handler(self.interpreter, frame, index)


# What ``left`` is below zero once the world is stopped.
_STOPPED = 1 << 62
