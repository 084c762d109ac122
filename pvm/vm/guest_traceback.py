"""Tracebacks as guest code sees them: ``error.__traceback__`` of guest frames.

Exceptions are host exceptions, whose ``__traceback__`` slot only takes host
traceback objects (of host frames: the VM's own).  The interpreter records the
guest frames an exception went through in ``__pvm_traceback__`` instead, and
guest code reaches them through the few ways Python code gets at a traceback:
the attribute ``__traceback__`` (read and written), ``with_traceback()``, and
``sys.exc_info()``.  The handlers of those attribute names (and pvm's
``sys.exc_info``) call this module; everything else about exceptions is the
host's.

``Traceback`` has the attributes of a host traceback, with ``tb_lasti`` in
CPython's units (two per instruction), so the traceback module's position
lookup (``co_positions``) lands on the right instruction.
"""

RECORD = "__pvm_traceback__"


class Traceback:
    """One guest frame's entry of a traceback, linked outermost first like CPython's."""

    __slots__ = ("tb_frame", "tb_lasti", "tb_lineno", "tb_next")

    def __init__(self, frame, index, line, next_entry):
        self.tb_frame = frame
        self.tb_lasti = index * 2
        self.tb_lineno = line
        self.tb_next = next_entry

    def __repr__(self):
        return "<traceback object at %#x>" % id(self)

    def __dir__(self):
        return list(self.__slots__)


Traceback.__name__ = Traceback.__qualname__ = "traceback"


class _Record(list):
    """An exception's entries that remember the ``Traceback`` made for each, so that
    ``error.__traceback__`` is the same object each time it is read, and gains a new
    head (whose tb_next is the old one) as the exception leaves another frame."""

    __slots__ = ("made",)

    def __init__(self, entries, made=()):
        super().__init__(entries)
        self.made = list(made)      # (entry, Traceback), innermost first


def traceback_of(exception):
    """The guest traceback of ``exception``, or None."""
    entries = exception.__dict__.get(RECORD)
    if not entries:
        return None
    if type(entries) is not _Record:
        entries = exception.__dict__[RECORD] = _Record(entries)
    made = entries.made
    kept = 0
    while kept < len(made) and kept < len(entries) and made[kept][0] is entries[kept]:
        kept += 1
    del made[kept:]
    chain = made[-1][1] if made else None
    for entry in entries[kept:]:
        code, index, frame = entry
        chain = Traceback(frame, index, code.line_of(index), chain)
        made.append((entry, chain))
    return chain


def set_traceback(exception, value):
    """``exception.__traceback__ = value`` from guest code."""
    if value is None:
        exception.__dict__[RECORD] = []
        exception.__traceback__ = None
        return
    if isinstance(value, Traceback):
        made = _entries_of(value)
        exception.__dict__[RECORD] = _Record([entry for entry, _ in made], made)
        return
    exception.__traceback__ = value


def _entries_of(chain):
    """(entry, Traceback) pairs of a guest traceback, innermost first."""
    made = []
    while chain is not None:
        frame = chain.tb_frame
        made.append(((frame.f_code, chain.tb_lasti // 2, frame), chain))
        chain = chain.tb_next
    made.reverse()
    return made


def with_traceback_method(exception):
    """What ``exception.with_traceback`` is to guest code."""
    def with_traceback(value):
        if value is not None and not isinstance(value, Traceback):
            return exception.with_traceback(value)
        set_traceback(exception, value)
        return exception
    return with_traceback
