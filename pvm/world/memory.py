"""A world's memory limit (``World(memory=BYTES)``): how much the process has grown
since the run began, read at each time slice, against the limit; and the room left for
what an amplifying operation is about to make (``pvm.world.amplifiers`` works out its
size before it runs).

Why the process's resident size and not the guest's allocations counted one by one:
guest objects are host objects, made by the host's C code (a list's growth, a
string's concatenation), which pvm does not see; ``tracemalloc`` sees them, but
slows every allocation of the process by half or more, and the issue's bar is the
process's growth anyway.  Reading ``/proc/self/statm`` costs some microseconds, once
per slice of 10,000 instructions (about a millisecond of guest code), so a guest that
grows a little at a time (a list appended to, a comprehension, strings joined in a
loop) is stopped within a millisecond of passing the limit, some hundred kilobytes
later.
"""

import os


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

    def check_size(self, size):
        """Stop where ``size`` bytes, about to be made, would not fit in what is left."""
        if size > _LARGE:
            # What the process has grown by since the last slice counts too: a loop
            # of squarings runs a few instructions per doubling, and the memory its
            # earlier results freed may stay the process's (the allocator keeps it).
            self.grown = resident_size() - self.baseline
        if size > self.limit - self.grown:
            self.exceeded("an operation would make %d bytes" % size)


# A result this big (in bytes) is worth reading the process's size for, first.
_LARGE = 2**20


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
