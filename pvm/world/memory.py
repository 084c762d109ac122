"""A world's memory limit (``World(memory=BYTES)``): how much the process has grown
since the run began, read at each time slice, and the size of what an amplifying
operator is about to make, checked before it runs.

Why the process's resident size and not the guest's allocations counted one by one:
guest objects are host objects, made by the host's C code (a list's growth, a
string's concatenation), which pvm does not see; ``tracemalloc`` sees them, but
slows every allocation of the process by half or more, and the issue's bar is the
process's growth anyway.  Reading ``/proc/self/statm`` costs some microseconds, once
per slice of 10,000 instructions (about a millisecond of guest code), so a guest that
grows a little at a time (a list appended to, a comprehension, strings joined in a
loop) is stopped within a millisecond of passing the limit, some hundred kilobytes
later.

One instruction can allocate far more than that: ``'a' * 10**10``, ``[0] * 10**10``,
``10 ** 10**10``, ``1 << 10**11``.  So the binary operators that amplify (``*``,
``**``, ``<<`` and their in-place forms) run, in a world with a memory limit, behind a
check of the size their result will have, worked out from the operands
(``check_operation``): past what is left of the limit, the world stops before the
host allocates anything.  Not checked so: host functions whose result size follows
from their arguments (``bytes(10**10)``, ``str.ljust``, ``list(range(10**10))``):
they run, and the host's MemoryError (or the system's refusal) is what the guest
gets; the sampling stops the world at the next slice.
"""

import os

# The operators of BINARY_OP (pvm.opcodes.BINARY_OPERATORS, in-place forms 13 on)
# whose result may be far larger than their operands.
_MULTIPLY, _POWER, _SHIFT = 5, 8, 3
AMPLIFYING = frozenset((_MULTIPLY, _POWER, _SHIFT, _MULTIPLY + 13, _POWER + 13, _SHIFT + 13))
# Bytes per item of the sequences a multiplication repeats.
_ITEM_SIZES = {str: 1, bytes: 1, bytearray: 1, list: 8, tuple: 8}


class MemoryMeter:
    """The process's growth since ``start``, against ``limit`` bytes; ``exceeded`` is
    called with a message when it is passed (and raises)."""

    def __init__(self, limit, exceeded):
        self.limit = limit
        self.exceeded = exceeded
        self.baseline = 0
        self.grown = 0

    def start(self):
        self.baseline = resident_size()
        self.grown = 0

    def check(self):
        """At a time slice: stop where the process has grown past the limit."""
        self.grown = resident_size() - self.baseline
        if self.grown > self.limit:
            self.exceeded("the process grew by %d bytes" % self.grown)

    def check_operation(self, operator, left, right):
        """Before ``left OPERATOR right`` runs (a BINARY_OP of ``AMPLIFYING``): stop
        where its result would not fit in what is left of the limit."""
        size = result_size(operator % 13, left, right)
        if size > _LARGE:
            # What the process has grown by since the last slice counts too: a loop
            # of squarings runs a few instructions per doubling, and the memory its
            # earlier results freed may stay the process's (the allocator keeps it).
            self.grown = resident_size() - self.baseline
        if size > self.limit - self.grown:
            self.exceeded("an operation would make %d bytes" % size)


# A result this big (in bytes) is worth reading the process's size for, first.
_LARGE = 2**20


def result_size(operator, left, right):
    """About the bytes of ``left OPERATOR right`` (``*``, ``**`` or ``<<``) for the
    operands that amplify; 0 for the rest (a float's product, a user's ``__mul__``,
    which runs as guest code and is counted there)."""
    if operator == _MULTIPLY:
        for sequence, count in ((left, right), (right, left)):
            item_size = _ITEM_SIZES.get(type(sequence))
            if item_size is not None and type(count) is int:
                return max(count, 0) * len(sequence) * item_size
        if type(left) is int and type(right) is int:
            return (left.bit_length() + right.bit_length()) // 8
    elif type(left) is int and type(right) is int and right > 0:
        if operator == _POWER:
            return right * left.bit_length() // 8
        if operator == _SHIFT:
            return (left.bit_length() + right) // 8
    return 0


def resident_size():
    """The process's resident size in bytes: from /proc where there is one, else its
    peak (``ru_maxrss``), which grows as the resident size does."""
    try:
        return int(os.pread(_statm(), 64, 0).split()[1]) * _PAGE_SIZE
    except OSError:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


_statm_file = None
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _statm():
    global _statm_file
    if _statm_file is None:
        _statm_file = os.open("/proc/self/statm", os.O_RDONLY)
    return _statm_file
