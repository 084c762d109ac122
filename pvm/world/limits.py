"""A world's limits: instructions, seconds and memory, checked where guest code runs.

A limited world instruments its interpreter (``Interpreter.instrument``, the one way
to watch instructions, which costs an unlimited world nothing): the first
instruction of each *block*, a stretch of instructions that always runs whole once
started (barring an exception), is wrapped in a charge of the block's length
against ``Limits.left``.  So counting is deterministic, the same program stops at
the same place every time, and exact to the block: a block that does not fit in
what is left of the budget does not start, and the world never runs more
instructions than allowed.  (A block cut short by an exception has been charged
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

from pvm import opcodes
from pvm.engine.interpreter import Interpreter
from pvm.engine.safe_points import wraps_handlers

# Instructions granted at a time where the clock or memory is limited: about a
# millisecond of guest code at tier 0.
SLICE = 10_000


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

    def __init__(self, interpreter, instructions=None, seconds=None, memory=None):
        self.interpreter = interpreter
        self.instructions = instructions
        self.seconds = seconds
        self.memory = memory
        self.left = 0               # instructions the blocks may still charge at once
        self.remaining = None       # instructions of the budget not granted to ``left``
        self.deadline = None
        self.stopped = None         # the LimitExceeded raised, until the next start
        self.memory_meter = None    # pvm.world.memory's, with a memory limit

    def activate(self):
        """Count from now on (start-up's code runs uncounted, at full speed)."""
        self.interpreter.find_handler = self._find_handler
        self.interpreter.instrument(self._charging_wrapper())

    def start(self):
        """A run, eval or call of the host's begins: the budgets are whole again."""
        self.stopped = None
        self.deadline = (time.monotonic() + self.seconds) if self.seconds is not None \
            else None
        if self.memory_meter is not None:
            self.memory_meter.start()
        if self.instructions is None:
            self.remaining = None
            self.left = SLICE if self._sliced() else _UNLIMITED
        else:
            self.remaining = self.instructions
            self.left = 0
            self._grant(0)

    def _sliced(self):
        return self.deadline is not None or self.memory_meter is not None

    def _grant(self, length):
        """Move instructions from ``remaining`` to ``left`` for a block of ``length``,
        whose charge ``left`` does not hold."""
        total = self.left + self.remaining
        if total < length:
            self.stop(InstructionLimitExceeded(
                "the world ran out of instructions (%d)" % self.instructions))
        granted = min(total, max(SLICE, length)) if self._sliced() else total
        self.left = granted - length
        self.remaining = total - granted

    def refill(self, length):
        """A block of ``length`` instructions did not fit in ``left``: check the
        clock and the memory, then grant more of the budget, or stop."""
        self.left += length
        if self.stopped is not None:
            raise self.stopped
        self.check_clock()
        if self.memory_meter is not None:
            self.memory_meter.check()
        if self.remaining is None:
            self.left = (SLICE if self._sliced() else _UNLIMITED) - length
        else:
            self._grant(length)

    def check_clock(self):
        if self.deadline is not None and time.monotonic() > self.deadline:
            self.time_out()

    def time_out(self):
        self.stop(TimeLimitExceeded("the world ran out of time (%g s)" % self.seconds))

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
        self.left = -1
        raise error

    def _find_handler(self, frame, index):
        # A stopped world's frames handle nothing: the exception goes straight out.
        if self.stopped is not None:
            return None
        return Interpreter.find_handler(self.interpreter, frame, index)

    def _charging_wrapper(self):
        """The instrument: the first handler of each block charges the block."""
        limits = self
        lengths = None

        def wrap(handler, code, index, opcode, operand):
            nonlocal lengths
            if index == 0:
                lengths = _block_lengths(code)
            length = lengths.get(index)
            if length is None:
                return handler

            def charging(frame, stack, fast):
                limits.left -= length
                if limits.left < 0:
                    limits.refill(length)
                return handler(frame, stack, fast)
            return charging
        # A handler called through it is still called by the loop (a signal may run
        # its guest handler there: pvm.engine.safe_points).
        wraps_handlers(next(constant for constant in wrap.__code__.co_consts
                            if getattr(constant, "co_name", None) == "charging"))
        return wrap


# No instruction limit, and neither clock nor memory to read.
_UNLIMITED = 1 << 62


def _block_lengths(code):
    """{index of a block's first instruction: the block's length} for ``code``.
    A block starts at the first instruction, at every jump's target, after every
    jump, return and raise, and where an exception handler starts; the frame's
    other stops (a call, a yield) are resumed where they were, inside the block."""
    pairs = code.instructions()
    ordered = opcodes.block_starts(pairs, [target for _start, _end, target, _depth, _lasti
                                           in code.co_exceptiontable])
    ends = ordered[1:] + [len(pairs)]
    return {start: end - start for start, end in zip(ordered, ends)}

