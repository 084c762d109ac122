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

# operator.py's functions are _operator's: taken from there, start-up does without
# importing operator.py (0.2 ms).
import _operator as operator
import sys

from pvm.code import BuiltinType
from pvm.engine.descriptors import ReadOnlyAttribute, set_in_class
from pvm.engine.frames import Frame

RECORD = "__pvm_traceback__"


# CPython 3.11.7 (gh-109181) works a traceback's line out when tb_lineno is read: a
# getset descriptor, None for an instruction without a line.  3.11.0 to 3.11.6 store the
# line as the traceback is made, in a read-only member: -1 for none, and a write is
# refused as "readonly attribute".  pvm follows the release it runs on.
_LINE_READ_WHEN_ASKED = sys.version_info >= (3, 11, 7)


class Traceback(metaclass=BuiltinType):
    """One guest frame's entry of a traceback, linked outermost first like CPython's.

    Guest code may make one, ``types.TracebackType(tb_next, tb_frame, tb_lasti,
    tb_lineno)``, and relink ``tb_next``, with CPython's checks; the other attributes
    are read-only."""

    __slots__ = ("_frame", "_lasti", "_lineno", "_next")

    def __init__(self, tb_next, tb_frame, tb_lasti, tb_lineno):
        if tb_next is not None and not isinstance(tb_next, Traceback):
            raise TypeError("expected traceback object or None, got '%s'"
                            % type(tb_next).__name__)
        if not isinstance(tb_frame, Frame):
            raise TypeError("TracebackType() argument 'tb_frame' must be frame, not %s"
                            % type(tb_frame).__name__)
        self._next = tb_next
        self._frame = tb_frame
        self._lasti = operator.index(tb_lasti)
        self._lineno = operator.index(tb_lineno)

    @classmethod
    def of_entry(cls, frame, index, line, next_entry):
        """The traceback of the instruction at ``index`` of ``frame`` (no checks)."""
        made = object.__new__(cls)
        made._frame = frame
        made._lasti = index * 2
        made._lineno = line
        made._next = next_entry
        return made

    tb_frame = ReadOnlyAttribute("tb_frame", lambda self: self._frame, member=True)
    tb_lasti = ReadOnlyAttribute("tb_lasti", lambda self: self._lasti, member=True)
    if _LINE_READ_WHEN_ASKED:
        tb_lineno = ReadOnlyAttribute("tb_lineno", lambda self: self._lineno)
    else:
        tb_lineno = ReadOnlyAttribute(
            "tb_lineno", lambda self: -1 if self._lineno is None else self._lineno,
            member=True)

    @property
    def tb_next(self):
        return self._next

    @tb_next.setter
    def tb_next(self, value):
        if value is not None and not isinstance(value, Traceback):
            raise TypeError("expected traceback object, got '%s'" % type(value).__name__)
        cursor = value
        while cursor is not None:
            if cursor is self:
                raise ValueError("traceback loop detected")
            cursor = cursor._next
        self._next = value

    @tb_next.deleter
    def tb_next(self):
        raise TypeError("can't delete tb_next attribute")

    def __repr__(self):
        return "<traceback object at %#x>" % id(self)

    def __dir__(self):
        return ["tb_frame", "tb_lasti", "tb_lineno", "tb_next"]


set_in_class(Traceback, __name__="traceback", __qualname__="traceback",
             __module__="builtins")


class Entries(list):
    """An exception's guest traceback entries, (code, instruction index, frame) innermost
    first, kept in its ``__dict__`` (see the module's text)."""

    __slots__ = ()

    def __deepcopy__(self, memo):
        # copy.deepcopy of an exception copies its __dict__ (attrs' exception classes
        # are copied so): CPython's copy has no traceback, its __traceback__ being no
        # part of the state; and frames cannot be copied.
        return Entries()


class _Record(Entries):
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
        chain = Traceback.of_entry(frame, index, code.line_of(index), chain)
        made.append((entry, chain))
    return chain


def copy_traceback(source, target):
    """Give ``target`` the guest traceback of ``source``: the same Traceback object, as
    CPython's groups derived by split, subgroup and except* share their original's
    ``__traceback__``.  Each keeps its own entries, to grow as it is raised again."""
    if target is source or not source.__dict__.get(RECORD):
        return
    traceback_of(source)      # makes the Traceback of every entry, for both to share
    entries = source.__dict__[RECORD]
    target.__dict__[RECORD] = _Record(entries, entries.made)


def copy_group_tracebacks(original, derived):
    """copy_traceback for a group derived from ``original`` and, as CPython's
    exceptiongroup_split_recursive does, for each group nested in it: from the nested
    group of ``original`` it came from (the one holding its first leaf)."""
    if derived is None or derived is original:
        return
    copy_traceback(original, derived)
    for child in derived.exceptions:
        if isinstance(child, BaseExceptionGroup):
            leaf = _first_leaf(child)
            for source in original.exceptions:
                if isinstance(source, BaseExceptionGroup) and \
                        any(item is leaf for item in _leaves(source)):
                    copy_group_tracebacks(source, child)
                    break


def _first_leaf(group):
    while isinstance(group, BaseExceptionGroup):
        group = group.exceptions[0]
    return group


def _leaves(exception):
    if isinstance(exception, BaseExceptionGroup):
        for inner in exception.exceptions:
            yield from _leaves(inner)
    else:
        yield exception


def set_traceback(exception, value):
    """``exception.__traceback__ = value`` from guest code."""
    if value is None:
        exception.__dict__[RECORD] = Entries()
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
