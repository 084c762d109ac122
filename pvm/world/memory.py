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
``10 ** 10**10``, ``1 << 10**11``, ``bytes(10**10)``, ``'a'.ljust(10**10)``,
``list(range(10**10))``, ``f'{1:{10**10}}'``.  So, in a world with a memory limit,
the binary operators that amplify (``*``, ``**``, ``<<``, ``%`` and their in-place
forms), the calls and the formatting with a spec run behind a check of the size
their result will have, worked out from the operands and arguments
(``check_operation``, ``check_call``, ``check_size``): past what is left of the
limit, the world stops before the host allocates anything.  A quick test of the
operands comes first, inline in hot code (``pvm.engine.size_checks``, with
``SIZED_TYPES``, ``SIZED_KINDS``, ``UNSIZED_CALLABLES`` and ``SIZED_NAMES``): a
float's product, a small int's, a guest function's call, ``len``'s, a list's
``append``, make nothing big, and cost no call.  The calls looked at are those of
the host's types, builtins and methods whose result size follows from their
arguments (``call_size``); host C code calling them for the guest (``map(bytes,
...)``) is not seen, and is stopped by the sampling, if the process lives.
"""

import builtins
import itertools
import os
import re

from pvm.engine.instructions.support import star_arguments, star_keywords

# The operators of BINARY_OP (pvm.opcodes.BINARY_OPERATORS, in-place forms 13 on)
# whose result may be far larger than their operands.
_MULTIPLY, _POWER, _SHIFT, _REMAINDER = 5, 8, 3, 6
AMPLIFYING = frozenset(operator + inplace for operator in (_MULTIPLY, _POWER, _SHIFT, _REMAINDER)
                       for inplace in (0, 13))
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
        self.check_size(result_size(operator % 13, left, right))

    def check_call(self, function, arguments, keywords):
        """Before ``function(*arguments, **keywords)`` runs (``arguments`` a list or
        tuple, ``keywords`` a dict or None)."""
        size = call_size(function, arguments, keywords or _NO_KEYWORDS)
        if size:
            self.check_size(size)

    def check_call_with_names(self, function, values):
        """Before CALL_KW's call: ``values`` are the arguments, the keywords' names on
        top."""
        names = values[-1]
        positional = len(values) - 1 - len(names)
        self.check_call(function, values[:positional],
                        dict(zip(names, values[positional:-1])))

    def check_star_call(self, function, arguments, keywords):
        """Before ``function(*arguments, **keywords)`` (CALL_FUNCTION_EX's): its
        arguments made a tuple and its keywords a dict, as the call makes them, given
        back for the call."""
        if type(arguments) is not tuple:
            arguments = star_arguments(function, arguments)
        if keywords is not None and type(keywords) is not dict:
            keywords = star_keywords(function, keywords)
        self.check_call(function, arguments, keywords)
        return arguments, keywords

    def check_format(self, spec):
        """Before ``format(value, spec)`` runs (an f-string's field with a spec)."""
        self.check_size(spec_size(spec))

    def check_extend(self, iterable):
        """Before a list or set is extended by ``iterable``, one of ``LAZY_TYPES``."""
        self.check_size(_lazy_length(iterable) * 8)

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


def result_size(operator, left, right):
    """About the bytes of ``left OPERATOR right`` (``*``, ``**`` or ``<<``) for the
    operands that amplify; 0 for the rest (a float's product, a user's ``__mul__``,
    which runs as guest code and is counted there)."""
    if operator == _MULTIPLY:
        for sequence, count in ((left, right), (right, left)):
            item_size = _ITEM_SIZES.get(type(sequence))
            if item_size is not None and type(count) in _INTEGERS:
                return max(count, 0) * len(sequence) * item_size
        if type(left) in _INTEGERS and type(right) in _INTEGERS:
            return (left.bit_length() + right.bit_length()) // 8
    elif operator == _REMAINDER:
        if type(left) in _TEXT_TYPES:
            return printf_size(left, right)
    elif type(left) in _INTEGERS and type(right) in _INTEGERS and right > 0:
        if operator == _POWER:
            return right * left.bit_length() // 8
        if operator == _SHIFT:
            return (left.bit_length() + right) // 8
    return 0


# -- what the host's types, methods and format specs make ----------------------------------

_TEXT_TYPES = (str, bytes, bytearray)
# (True << 10**10 is as big as 1 << 10**10.)
_INTEGERS = frozenset((int, bool))
_NO_KEYWORDS = {}
# The types a call of which (or of a subclass) makes a sequence as long as a lazy
# argument (a range), with the bytes of each item; bytes and bytearray also take a
# length.
_SEQUENCE_ITEM_SIZES = ((bytes, 1), (bytearray, 1), (list, 8), (tuple, 8), (set, 16),
                        (frozenset, 16))
SIZED_TYPES = tuple(kind for kind, _size in _SEQUENCE_ITEM_SIZES)
# Host iterables that make their items as they are asked for, and say how many there
# are (a range, itertools.repeat with a count) or have no end (itertools.count): a
# list made of one is as long at once.
_LAZY = (range, type(iter(range(0))), type(iter(range(1 << 64))), type(reversed(range(0))),
         itertools.repeat)
_ENDLESS = (itertools.count, itertools.cycle)
LAZY_TYPES = frozenset(_LAZY + _ENDLESS)
_NUMBER = re.compile(r"\d+")
_PRINTF_FIELD = re.compile(r"%[#0 +-]*(\d+|\*)?(?:\.(\d+|\*))?")
_FORMAT_FIELD_SPEC = re.compile(r"\{[^{}]*:([^{}]*)\}")


def spec_size(spec):
    """About the bytes ``format(value, spec)`` makes: its width and precision."""
    if type(spec) is not str:
        return 0
    return sum(int(number) for number in _NUMBER.findall(spec))


def printf_size(template, values):
    """About the bytes of ``template % values``: the widths and precisions of its
    fields, those given by a ``*`` from ``values``."""
    text = template.decode("latin-1") if type(template) is not str else template
    size = 0
    stars = [value for value in (values if type(values) is tuple else (values,))
             if type(value) is int]
    for match in _PRINTF_FIELD.finditer(text):
        for part in match.groups():
            if part == "*":
                size += abs(stars.pop(0)) if stars else 0
            elif part:
                size += int(part)
    return size


def _lazy_length(value):
    kind = type(value)
    if kind in _LAZY:
        try:
            return len(value) if kind is range else value.__length_hint__()
        except (OverflowError, TypeError):
            # (A range too long for an index; itertools.repeat with no count.)
            return 1 << 63
    if kind in _ENDLESS:
        return 1 << 63
    return 0


def _type_call_size(cls, arguments):
    if len(arguments) != 1:
        return 0
    for sequence_type, item_size in _SEQUENCE_ITEM_SIZES:
        if issubclass(cls, sequence_type):
            break
    else:
        return 0
    argument = arguments[0]
    if type(argument) is int and item_size == 1:
        return argument
    return _lazy_length(argument) * item_size


# The names of the host methods _method_size knows to amplify.
_AMPLIFYING_NAMES = frozenset((
    "ljust", "rjust", "center", "zfill", "expandtabs", "replace", "join", "format",
    "format_map", "__mul__", "__rmul__", "__imul__", "__mod__", "to_bytes", "__pow__",
    "__lshift__", "__rpow__", "__rlshift__", "extend", "__iadd__", "__new__"))


def _method_size(owner, name, arguments, keywords):
    """About the bytes of ``owner.NAME(*arguments, **keywords)``, a host method."""
    if name not in _AMPLIFYING_NAMES:
        return 0
    kind = type(owner)
    first = arguments[0] if arguments else None
    if kind in _TEXT_TYPES:
        if name in ("ljust", "rjust", "center", "zfill"):
            return first if type(first) is int else 0
        if name == "expandtabs":
            tabsize = keywords.get("tabsize", 8 if first is None else first)
            tab = "\t" if kind is str else b"\t"
            return owner.count(tab) * tabsize if type(tabsize) is int else 0
        if name == "replace" and len(arguments) >= 2:
            old, new = arguments[0], arguments[1]
            if type(old) is kind and type(new) is kind and len(new) > len(old):
                count = len(owner) + 1 if not old else owner.count(old)
                return count * len(new)
            return 0
        if name == "join" and type(first) in (list, tuple):
            return len(owner) * len(first)
        if name in ("format", "format_map") and kind is str:
            return sum(spec_size(spec) for spec in _FORMAT_FIELD_SPEC.findall(owner))
        if name in ("__mul__", "__rmul__", "__imul__"):
            return result_size(_MULTIPLY, owner, first)
        if name == "__mod__":
            return printf_size(owner, first)
    elif kind is int:
        if name == "to_bytes":
            length = keywords.get("length", 1 if first is None else first)
            return length if type(length) is int else 0
        if name in ("__pow__", "__lshift__", "__mul__"):
            return result_size({"__pow__": _POWER, "__lshift__": _SHIFT}.get(name, _MULTIPLY),
                               owner, first)
        if name in ("__rpow__", "__rlshift__", "__rmul__"):
            return result_size({"__rpow__": _POWER, "__rlshift__": _SHIFT}.get(name, _MULTIPLY),
                               first, owner)
    elif kind in (list, tuple):
        if name in ("__mul__", "__rmul__", "__imul__"):
            return result_size(_MULTIPLY, owner, first)
        if name in ("extend", "__iadd__"):
            return _lazy_length(first) * 8
    elif kind is type and name == "__new__":
        # bytes.__new__(bytes, 10**10)
        return _type_call_size(first, arguments[1:]) if type(first) is type else 0
    return 0


def _format_size(arguments):
    return spec_size(arguments[1]) if len(arguments) >= 2 else 0


def _pow_size(arguments):
    # (With a modulus, the result is smaller than it.)
    return result_size(_POWER, arguments[0], arguments[1]) if len(arguments) == 2 else 0


def _sum_size(arguments):
    # Lists or tuples added up: as long as all of them.
    if len(arguments) != 2 or type(arguments[1]) not in (list, tuple) \
            or type(arguments[0]) not in (list, tuple):
        return 0
    return 8 * sum(len(item) for item in arguments[0] if type(item) in (list, tuple))


# The builtins whose result's size follows from their arguments; the others make
# nothing bigger than what they are given, and the quick test lets them pass.
_BUILTIN_SIZERS = {format: _format_size, pow: _pow_size, sum: _sum_size}
UNSIZED_CALLABLES = frozenset(
    value for value in vars(builtins).values()
    if type(value) is type(len) and value not in _BUILTIN_SIZERS)
# The kinds of host callables that may be sized: types (SIZED_TYPES and their
# subclasses), builtins and bound C methods ('a'.ljust), special methods bound
# ('a'.__mul__), methods unbound (str.ljust, str.__mul__); and the names of those
# that are.
_BUILTIN, _BOUND_SPECIAL, _UNBOUND, _UNBOUND_SPECIAL = (
    type(len), type("".__mul__), type(str.ljust), type(str.__mul__))
SIZED_KINDS = frozenset((type, _BUILTIN, _BOUND_SPECIAL, _UNBOUND, _UNBOUND_SPECIAL))
SIZED_NAMES = _AMPLIFYING_NAMES | {function.__name__ for function in _BUILTIN_SIZERS}


def call_size(function, arguments, keywords):
    """About the bytes ``function(*arguments, **keywords)`` makes, for the host's
    callables whose result size follows from their arguments; 0 for the rest."""
    kind = type(function)
    if kind is type:
        return _type_call_size(function, arguments)
    if kind is _BUILTIN:
        sizer = _BUILTIN_SIZERS.get(function)
        if sizer is not None:
            return sizer(arguments)
        return _method_size(function.__self__, function.__name__, arguments, keywords)
    if kind is _BOUND_SPECIAL:
        return _method_size(function.__self__, function.__name__, arguments, keywords)
    if kind is _UNBOUND or kind is _UNBOUND_SPECIAL:
        # (issubclass of its type: isinstance would read a guest object's __class__.)
        if arguments and issubclass(type(arguments[0]), function.__objclass__):
            return _method_size(arguments[0], function.__name__, arguments[1:], keywords)
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
