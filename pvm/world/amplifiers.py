"""What one instruction can make at once, and how long making it takes, worked out from
its operands before it runs: the checks of a world with a memory or a time limit.

Most instructions make an object of a bounded size, in a bounded time.  Some make one
as big as their operands say: ``'a' * 10**10``, ``[0] * 10**10``, ``10 ** 10**10``,
``1 << 10**11``, ``bytes(10**10)``, ``'a'.ljust(10**10)``, ``list(range(10**10))``,
``f'{1:{10**10}}'``.  Such an operation is host C code, which no limit can cut short
once it has started (pvm kills no host thread, and the host checks for signals only
between its own instructions).  So in a world with a memory or a time limit, the binary
operators that amplify (``*``, ``**``, ``<<``, ``%`` and their in-place forms) or join
sequences (``+``, ``+=``: ``x = x + x`` in a loop doubles, one instruction a doubling,
where the memory is read once a slice), the calls and the formatting with a spec run
behind a check (``OperationChecks``) of the *cost* of their result: its size in bytes
(``operation_cost``, ``addition_cost``, ``call_cost``, ``spec_size``), and the seconds
making it takes.  Past what is left of the memory limit, or of the time
before the deadline, the world stops before the host starts.

The seconds are an estimate, deterministic given the size and the time left: the size
at ``BYTES_PER_SECOND``, a conservative throughput (the host writes strings, bytes and
lists of one item at 1 GB/s or more, and lists, tuples and sets of ranges at 230 to
330 MB/s of the sizes counted here, on the machines measured), except where the work
is not in proportion to the size: a product of large ints (Karatsuba's n**1.585, and
the schoolbook's n*m below its cut-off), a power (its squarings and products), a
modular power (a product and a division per bit of the exponent), a ``sum`` of lists
(a copy of the sum so far per list).  A slower machine than those measured may run
an operation past the deadline by what the margin does not cover.

A call's check also looks through the wrappers of callables (``partial(str.ljust,
'a')(10**10)``), and gives the host's functions that call a callable they are given
(``map(str.ljust, ...)``, a sort's key) that callable behind the check
(``OperationChecks.checked``).

Lazy iterables are sized through the host's iterables made of others (``map``,
``zip``, ``islice`` ...: ``_composed_length``), the host's consumers that keep no item
(``sum``, ``min``, ``max``, ``any``, ``all``) are timed on them, and the special methods
a guest class statement takes from the host (``__add__ = str.ljust``) are put behind the
checks of a call (``OperationChecks.check_class_namespace``), as are those set on a class
after it is made (``check_special_method``, from STORE_ATTR, ``setattr`` and
``type.__setattr__``) and those of a class made by a call (``type(name, bases,
namespace)``, a metaclass's, ``type.__new__``: ``_with_checked_class_parts``).

What this does not protect against: host C code whose time does not follow from the
sizes of its operands (a regular expression that backtracks, a division of large ints,
which is not checked, a sort with a cheap key), consumers of lazy iterables not named
above (``x in itertools.count()``), special methods of a class made with a
``__prepare__`` mapping, and host calls that wait (a lock's ``acquire()``): the time
limit stops these at the next instruction after they return, the memory limit at its
next reading of the process's size, if the process lives.

A quick test of the operands comes first, inline in hot code (``pvm.engine.size_checks``,
over ``SIZED_TYPES``, ``SIZED_KINDS``, ``BOUND_KINDS``, ``UNSIZED_CALLABLES``,
``SIZED_CALLABLES``, ``SIZED_OWNERS`` and ``SIZED_NAMES``): a float's product, a small
int's, a guest function's call, ``len``'s, a list's ``append``, a ``sum`` of one
argument, make nothing big, and cost no call.
"""

import array
import builtins
import collections
import functools
import itertools
import math
import operator
import os
import re
import struct
import time
from _collections import _count_elements
from types import MethodType, ModuleType

from pvm.engine.instructions.support import star_arguments, star_keywords, with_module_named
from pvm.engine.size_checks import KEYWORDED
from pvm.engine.objects import Function

# The operators of BINARY_OP (pvm.opcodes.BINARY_OPERATORS, in-place forms 13 on)
# whose result may be far larger than their operands.
_ADD, _MULTIPLY, _POWER, _SHIFT, _REMAINDER = 0, 5, 8, 3, 6
_INPLACE = 13
AMPLIFYING = frozenset(operator + inplace for operator in (_MULTIPLY, _POWER, _SHIFT, _REMAINDER)
                       for inplace in (0, _INPLACE))
# ``+`` and ``+=``, which join two sequences: a result no bigger than its operands, but
# ``x = x + x`` (or ``x += x``) in a loop doubles at each turn, a few instructions a
# doubling, where the memory is read once a slice (``addition_cost``).
CONCATENATING = frozenset((_ADD, _ADD + _INPLACE))

# The throughput the time estimates assume, in bytes of result a second (see above).
BYTES_PER_SECOND = 100e6
# The cost of a product of ints of a and b 30-bit digits: below the host's Karatsuba
# cut-off (70 digits), a * b * _DIGIT_PRODUCT; above, each block of the smaller's size
# in the larger costs _KARATSUBA * (bits of the smaller) ** log2(3) (measured: 1.4e-9
# and 1.5e-11 to 2.1e-11).  A division's, a * b * _DIGIT_DIVISION (measured 1.8e-9).
_DIGIT_PRODUCT = 4e-9
_KARATSUBA = 6e-11
_KARATSUBA_CUTOFF = 70
_DIGIT_DIVISION = 5e-9
# An estimate under this many seconds passes without reading the clock: the time
# limit's slices, every 10,000 instructions, catch what such operations add up to.
_NOTICEABLE = 1e-5
_NO_COST = (0, 0.0)


class OperationChecks:
    """The checks before amplifying operations, against what is left of the memory
    limit (``meter``, a ``pvm.world.memory.MemoryMeter``, or None) and of the time
    before ``limits.deadline`` (where ``timed``); ``stop_for_time(what)`` raises."""

    def __init__(self, meter, limits, timed):
        self.meter = meter
        self.limits = limits
        self.timed = timed

    def check_operation(self, operator, left, right):
        """Before ``left OPERATOR right`` runs (a BINARY_OP of ``AMPLIFYING`` or
        ``CONCATENATING``)."""
        self.check_cost(*operation_cost(operator, left, right))

    def check_call(self, function, arguments, keywords):
        """Before ``function(*arguments, **keywords)`` runs (``arguments`` a list or
        tuple, ``keywords`` a dict or None): the callable to call in its place, with
        the same arguments.  That is ``function`` itself, unless it is one of the
        host's that call a callable they are given (``map(str.ljust, ...)``, a
        ``key``): then a function that calls it with that callable behind this check
        (``_with_checked_callbacks``)."""
        keywords = keywords or _NO_KEYWORDS
        if type(function) is _BUILTIN and type(function.__self__) is ModuleType \
                and function not in SIZED_CALLABLES:
            # A module's function that is not sized (``math.sin``) makes nothing big,
            # whatever its arguments (of other objects' methods, the quick test looks
            # at the name): the quick test lets it pass from now on.
            if len(UNSIZED_CALLABLES) < _LEARNED_UP_TO:
                UNSIZED_CALLABLES.add(function)
            return function
        if type(function) is not Function and _changes_classes(function):
            function = self._with_checked_class_parts(function, arguments, keywords)
        size, seconds = call_cost(function, arguments, keywords)
        if seconds:
            self.check_cost(size, seconds)
        if type(function) is type and function not in _CALLBACK_TAKERS:
            # (The look most made: list(...), set(...).)
            return function
        return _with_checked_callbacks(self, function, arguments, keywords)

    def check_call_with_names(self, function, values):
        """Before CALL_KW's call: ``values`` are the arguments, the keywords' names on
        top.  The callable to call in ``function``'s place (``check_call``)."""
        names = values[-1]
        positional = len(values) - 1 - len(names)
        return self.check_call(function, values[:positional],
                               dict(zip(names, values[positional:-1])))

    def check_star_call(self, function, arguments, keywords):
        """Before ``function(*arguments, **keywords)`` (CALL_FUNCTION_EX's): the
        callable to call in its place (``check_call``), and its arguments made a
        tuple and its keywords a dict, as the call makes them, given back for the
        call."""
        if type(arguments) is not tuple:
            arguments = star_arguments(function, arguments)
        if keywords is not None and type(keywords) is not dict:
            keywords = star_keywords(function, keywords)
        return self.check_call(function, arguments, keywords), arguments, keywords

    def checked(self, function):
        """``function`` behind the checks of a call: for host code to call, which
        the checks before instructions do not see."""
        checks = self

        def checked_call(*arguments, **keywords):
            return checks.check_call(function, arguments, keywords)(*arguments, **keywords)
        if type(function) in _NAMED_KINDS:
            # (A special method put behind the checks keeps its name: the host's
            # callables of these kinds have theirs, read with no guest code run.)
            checked_call.__name__ = function.__name__
            checked_call.__qualname__ = function.__qualname__
        return checked_call

    def check_class_namespace(self, namespace):
        """Before a guest class is made of ``namespace`` (a dict): its special methods
        that are host callables which may amplify (``class S(str): __add__ =
        str.ljust``), which the host calls for ``S('a') + 10**10`` where no check
        sees the call, put behind the checks of a call, bound as they were (a method
        descriptor binds as a function does; a builtin function is called unbound; a
        staticmethod's function is wrapped in it)."""
        for name, value in list(namespace.items()):
            if not (name[:2] == "__" == name[-2:]) or type(value) is Function:
                continue
            if type(value) is staticmethod:
                inner = _STATIC_FUNCTION(value)
                if may_amplify(inner):
                    namespace[name] = staticmethod(self.checked(inner))
            elif may_amplify(value):
                checked = self.checked(value)
                if _type_attribute(type(value), "__get__") is None:
                    # (Called as it is, with no instance: a partial does not bind.)
                    checked = _PARTIAL(checked)
                namespace[name] = checked

    def check_special_method(self, name, value):
        """``value`` as a class's special method ``name`` (set after the class was
        made: ``S.__add__ = str.ljust``), put behind the checks of a call as a class
        statement's are (``check_class_namespace``)."""
        namespace = {name: value}
        self.check_class_namespace(namespace)
        return namespace[name]

    def _with_checked_class_parts(self, function, arguments, keywords):
        """``function``, or where its call makes a class of a namespace (``type(name,
        bases, namespace)``, a metaclass's call, ``type.__new__``) or sets a class's
        special method (``setattr``, ``type.__setattr__``) that may amplify, a function
        that calls it with those behind the checks (``check_class_namespace``)."""
        inner, inner_arguments, inner_keywords = _unwrapped(function, arguments, keywords)
        kind = type(inner)
        arguments = list(inner_arguments)
        if (inner is setattr or inner is _TYPE_SETATTR) and len(arguments) == 3 \
                and issubclass(type(arguments[0]), type) and type(arguments[1]) is str:
            arguments[2] = self.check_special_method(arguments[1], arguments[2])
        elif kind is _BOUND_SPECIAL and len(arguments) == 2 \
                and issubclass(type(inner.__self__), type) and type(arguments[0]) is str \
                and inner.__name__ == "__setattr__":
            # (A class's own __setattr__, bound: S.__setattr__(name, value).)
            arguments[1] = self.check_special_method(arguments[0], arguments[1])
        else:
            if inner is _TYPE_NEW:
                place = 3
            elif (kind is type or issubclass(kind, type)) and issubclass(inner, type):
                place = 2
            else:
                return function
            if len(arguments) != place + 1 or type(arguments[place]) is not dict:
                return function
            namespace = dict(arguments[place])
            self.check_class_namespace(namespace)
            if all(namespace[name] is value for name, value in arguments[place].items()):
                return function
            arguments[place] = namespace
            if place == 3 or inner.__new__ is _TYPE_NEW:
                # The call's own naming of the class's module (the instruction's:
                # type.__new__ would name the module of this, the host's, code).
                arguments = list(with_module_named(
                    arguments, place, self.limits.interpreter.running_frame()))
        checked_keywords = dict(inner_keywords)

        def call_with_checked_class_parts(*_arguments, **_keywords):
            return inner(*arguments, **checked_keywords)
        return call_with_checked_class_parts

    def check_format(self, spec):
        """Before ``format(value, spec)`` runs (an f-string's field with a spec)."""
        self.check_cost(*_linear(spec_size(spec)))

    def check_extend(self, iterable):
        """Before a list or set is extended by ``iterable``: one of ``LAZY_TYPES``,
        or a sequence of ``CONCATENATED_TYPES`` (``[*x, *x]``)."""
        self.check_cost(*_linear(_added_size(iterable, 8)))

    def check_cost(self, size, seconds):
        """Stop where ``size`` bytes would not fit in what is left of the memory limit,
        or ``seconds`` in what is left of the time."""
        if self.meter is not None:
            self.meter.check_size(size)
        if self.timed and seconds > _NOTICEABLE:
            left = self.limits.deadline - time.monotonic()
            if seconds > left:
                self.limits.time_out("an operation would take about %.3g s, %.3g s are left"
                                     % (seconds, max(left, 0.0)))


def _linear(size):
    """The cost of making ``size`` bytes at the assumed throughput."""
    return size, size / BYTES_PER_SECOND


def _product_seconds(left_bits, right_bits):
    """About the seconds of a product of ints of these sizes."""
    small, large = sorted((left_bits // 30 + 1, right_bits // 30 + 1))
    if small < _KARATSUBA_CUTOFF:
        return small * large * _DIGIT_PRODUCT
    return large / small * _KARATSUBA * (small * 30) ** 1.585


def _power_cost(base, exponent):
    """(bytes, seconds) of ``base ** exponent``, ints, the exponent positive."""
    if -1 <= base <= 1:
        return _NO_COST
    base_bits = base.bit_length()
    bits = exponent * base_bits
    # Its squarings (the last, of half the result, costs most: with Karatsuba's cost,
    # all of them less than twice the result's own square), and its products by the
    # base (as many as the exponent's bits, the result growing to its size).
    seconds = _product_seconds(bits, bits) + 2 * _product_seconds(base_bits, bits)
    return bits // 8, seconds


def operation_cost(operator, left, right):
    """(bytes, seconds) of ``left OPERATOR right`` (``*``, ``**``, ``<<``, ``%`` or
    ``+``, or their in-place forms) for the operands that amplify or join; nothing for
    the rest (a float's product, a user's ``__mul__``, which runs as guest code and is
    counted there)."""
    in_place = operator >= _INPLACE
    operator %= _INPLACE
    if operator == _ADD:
        return addition_cost(left, right, in_place)
    if operator == _MULTIPLY:
        for sequence, count in ((left, right), (right, left)):
            kind = _sized_kind(type(sequence))
            if kind in _ITEM_SIZES:
                count = _count(count)
                if count is not None:
                    return _linear(max(count, 0) * kind.__len__(sequence) * _ITEM_SIZES[kind])
            elif _repeated_kind(type(sequence)) is not None:
                # An array's or a deque's repetition (of a guest subclass's too).
                count = _count(count)
                if count is not None:
                    return _linear(max(count, 0) * _repeated_size(sequence))
        left, right = _int_value(left), _int_value(right)
        if left is not None and right is not None:
            left_bits, right_bits = left.bit_length(), right.bit_length()
            return (left_bits + right_bits) // 8, _product_seconds(left_bits, right_bits)
    elif operator == _REMAINDER:
        if _sized_kind(type(left)) in _TEXT_TYPES:
            return _linear(printf_size(left, right))
    else:
        left, right = _int_value(left), _int_value(right)
        if left is not None and right is not None and right > 0:
            if operator == _POWER:
                return _power_cost(left, right)
            if operator == _SHIFT:
                return _linear((left.bit_length() + right) // 8)
    return _NO_COST


# A size that a guest object's ``__index__`` gives: the host asks for it as the
# operation runs, after any check, and it may say anything then; such an operation is
# refused as too big.
_UNKNOWN_SIZE = 1 << 62
_MRO_OF = type.__dict__["__mro__"].__get__
_DICT_OF = type.__dict__["__dict__"].__get__
_MISSING = object()


def _type_attribute(kind, name):
    """What ``kind.NAME`` finds in its classes' dicts (its method order's), as the host
    looks a special method up, with no guest code run (a metaclass's ``__getattribute__``
    or ``__mro__``); None where there is none."""
    for klass in _MRO_OF(kind):
        value = _DICT_OF(klass).get(name, _MISSING)
        if value is not _MISSING:
            return value
    return None


def _count(value):
    """The int a host operation reads from ``value`` as a count or a size: an int's
    (``_int_value``), ``_UNKNOWN_SIZE`` for another object with an ``__index__``, None
    for the rest."""
    count = _int_value(value)
    if count is None and _type_attribute(type(value), "__index__") is not None:
        return _UNKNOWN_SIZE
    return count


def _int_value(value):
    """An int's value (a subclass's own, which the host's arithmetic reads), or None:
    the host's ints do arithmetic with no other object's ``__index__``."""
    kind = type(value)
    if kind is int or kind is bool:
        return value
    if issubclass(kind, int):
        return int.__index__(value)
    return None


def _repeated_kind(kind):
    for repeated in (array.array, collections.deque):
        if issubclass(kind, repeated):
            return repeated
    return None


def _repeated_size(sequence):
    """The bytes of one copy of an array or a deque."""
    if _repeated_kind(type(sequence)) is array.array:
        return array.array.__len__(sequence) * array.array.itemsize.__get__(sequence)
    return collections.deque.__len__(sequence) * 8


# The host's sequences that ``+`` joins (and their subclasses), with what each joins
# (a right operand of another type raises, or is the right operand's to add):
# ``addition_cost``.  The quick test (size_checks' ``concatenated_types``) sends a ``+``
# whose left operand is one of these to the look, unless either operand is short.
_JOINED_WITH = {str: str, bytes: (bytes, bytearray, memoryview, array.array),
                bytearray: (bytes, bytearray, memoryview, array.array), list: list,
                tuple: tuple, collections.deque: collections.deque, array.array: array.array}
CONCATENATED_TYPES = tuple(_JOINED_WITH)
# The sequences a ``+=`` extends by any iterable's items, in place.
_EXTENDED_IN_PLACE = (list, collections.deque)
# The collections whose length (read by their own type's ``__len__``) is the number of
# items they add to one extended by them.
_LENGTH_TYPES = (list, tuple, str, bytes, bytearray, dict, set, frozenset, collections.deque,
                 array.array, memoryview)


def _joined_kind(kind):
    """The type of ``CONCATENATED_TYPES`` that ``kind`` is or derives from, or None."""
    return _kind_among(kind, CONCATENATED_TYPES)


def _joined_bytes(value, kind):
    """The bytes of ``value``, a ``kind`` of ``CONCATENATED_TYPES`` or a buffer, in a
    result that joins it."""
    if kind is str:
        # (Its own size: a character takes 1, 2 or 4 bytes.)
        return str.__sizeof__(value)
    if kind is bytes or kind is bytearray:
        return kind.__len__(value)
    if kind is array.array:
        return _repeated_size(value)
    if kind is memoryview:
        return memoryview.nbytes.__get__(value)
    return kind.__len__(value) * 8


def _added_size(value, item_size):
    """About the bytes a collection grows by when extended by ``value``'s items,
    ``item_size`` bytes each: as many as a collection's length says, or a lazy
    iterable's (``_lazy_size``); 0 for the rest (a guest generator's items are made by
    counted instructions)."""
    kind = type(value)
    for base in _LENGTH_TYPES:
        if kind is base or issubclass(kind, base):
            return base.__len__(value) * item_size
    return _lazy_size(value, item_size)


def _extended_cost(owner, kind, iterable, item_size=8):
    """(bytes, seconds) of extending ``owner`` (a ``kind``) by ``iterable``'s items: a
    deque made with a maximum length keeps that many items at most, having iterated
    them all."""
    size = _added_size(iterable, item_size)
    maxlen = collections.deque.maxlen.__get__(owner) if kind is collections.deque else None
    if maxlen is not None:
        return min(size, maxlen * item_size), size / BYTES_PER_SECOND
    return _linear(size)


def addition_cost(left, right, in_place):
    """(bytes, seconds) of ``left + right`` (``left += right`` where ``in_place``):
    the joined sequence, as big as both (``_joined_bytes``); what an in-place ``+=``
    adds to a list, a deque, a bytearray or an array, which grow in place (a list and a
    deque by any iterable's items, a lazy one's too: ``x += range(10**10)``).  Nothing
    where a guest class's own ``__add__`` or ``__iadd__`` runs (its code is counted and
    checked), or where the right operand is not one the left joins."""
    kind = _joined_kind(type(left))
    if kind is None:
        return _NO_COST
    name = "__add__"
    if in_place and _type_attribute(type(left), "__iadd__") is not None:
        name = "__iadd__"
    if _type_attribute(type(left), name) is not vars(kind).get(name):
        return _NO_COST
    if name == "__iadd__":
        if kind in _EXTENDED_IN_PLACE:
            return _extended_cost(left, kind, right)
        if not issubclass(type(right), _JOINED_WITH[kind]):
            return _NO_COST
        return _linear(_joined_bytes(right, _joined_kind(type(right)) or memoryview))
    if not issubclass(type(right), _JOINED_WITH[kind]):
        return _NO_COST
    return _linear(_joined_bytes(left, kind)
                   + _joined_bytes(right, _joined_kind(type(right)) or memoryview))


# -- what the host's types, methods and format specs make ----------------------------------

# Bytes per item of the sequences a multiplication repeats.
_ITEM_SIZES = {str: 1, bytes: 1, bytearray: 1, list: 8, tuple: 8, collections.deque: 8}
_TEXT_TYPES = (str, bytes, bytearray)
# (True << 10**10 is as big as 1 << 10**10.)
_INTEGERS = frozenset((int, bool))
_NO_KEYWORDS = {}
# The types a call of which (or of a subclass) makes a sequence as long as a lazy
# argument (a range), with the bytes of each item; bytes and bytearray also take a
# length.
_SEQUENCE_ITEM_SIZES = ((bytes, 1), (bytearray, 1), (list, 8), (tuple, 8), (set, 16),
                        (frozenset, 16), (collections.deque, 8))
SIZED_TYPES = tuple(kind for kind, _size in _SEQUENCE_ITEM_SIZES)
# The types whose methods may amplify (``_method_size``), subclasses' instances sized as
# theirs.
_OWNERS = (str, bytes, bytearray, int, list, tuple, collections.deque, set, frozenset, dict,
           array.array)
# ... and the owners of the bound methods the quick test sends to the look by their
# name: those and the classes (``dict.fromkeys``, a class method).
SIZED_OWNERS = _OWNERS + (type,)
# Host iterables that make their items as they are asked for, and say how many there
# are (a range, itertools.repeat with a count) or have no end (itertools.count): a
# list made of one is as long at once.
_LAZY = (range, type(iter(range(0))), type(iter(range(1 << 64))), type(reversed(range(0))),
         itertools.repeat)
_ENDLESS = (itertools.count, itertools.cycle)
# Host iterables made of others, which the host iterates over for them, with the bytes
# of the object each makes per item (a call's result, a tuple), where it makes one: as
# many items as their sources give (``_composed_length``), each made in the host's
# code where its function is the host's (a guest function's calls are counted).
_COMPOSED = {map: 32, itertools.starmap: 32, zip: 64, enumerate: 64, filter: 0,
             itertools.filterfalse: 0, itertools.takewhile: 0, itertools.dropwhile: 0,
             itertools.islice: 0, itertools.accumulate: 32, itertools.compress: 0,
             itertools.chain: 0}
LAZY_TYPES = frozenset(_LAZY + _ENDLESS + tuple(_COMPOSED) + (itertools.product,))
# The sized types whose call makes a collection as long as its one argument, only
# bigger than that argument where it is lazy (``_type_call_size``): the quick test lets
# the others pass.
COLLECTION_TYPES = frozenset((list, tuple, set, frozenset, collections.deque, dict))
# The classes whose subclasses' calls the quick test sends to the look: the sized
# types', and the metaclasses' (a class made of a namespace: ``_with_checked_class_parts``).
SIZED_OR_CLASS_TYPES = SIZED_TYPES + (type,)
# The host's collections already made, whose length a composed iterable's source may
# say (read by their own type's __len__).
_MADE = (list, tuple, str, bytes, bytearray, dict, set, frozenset)
_ENDLESS_LENGTH = 1 << 63
_TUPLE_ITERATOR = type(iter(()))
_NUMBER = re.compile(r"\d+")
_PRINTF_FIELD = re.compile(r"%[#0 +-]*(\d+|\*)?(?:\.(\d+|\*))?")
_FORMAT_FIELD_SPEC = re.compile(r"\{[^{}]*:([^{}]*)\}")
_NESTED_FIELD = re.compile(r"\{[^{}]*:[^{}]*\{")


def _sized_kind(kind):
    """The type of ``_OWNERS`` that ``kind`` is or derives from (a guest's subclass of
    str makes what a str makes), or None.  (Identity, and issubclass of exact types,
    which reads the class's method order: no guest code runs, as a guest metaclass's
    ``__hash__`` or ``__eq__`` would for ``kind in a_set``.)"""
    return _kind_among(kind, _OWNERS)


def _kind_among(kind, kinds):
    """The type of ``kinds`` that ``kind`` is, else the first it derives from, or None
    (see _sized_kind: no guest code runs)."""
    for known in kinds:
        if kind is known:
            return known
    for known in kinds:
        if issubclass(kind, known):
            return known
    return None


def spec_size(spec):
    """About the bytes ``format(value, spec)`` makes: its width and precision."""
    if type(spec) is not str:
        return 0
    return sum(int(number) for number in _NUMBER.findall(spec))


def _texts_size(values):
    """The bytes of the strings, bytes and bytearrays among ``values`` (a format may put
    each in whole)."""
    size = 0
    for value in values:
        kind = _sized_kind(type(value))
        if kind in _TEXT_TYPES:
            size += _joined_bytes(value, kind)
    return size


def printf_size(template, values):
    """About the bytes of ``template % values``: the widths and precisions of its
    fields, those given by a ``*`` from ``values``."""
    kind = _sized_kind(type(template))
    text = str.__str__(template) if kind is str else kind.decode(template, "latin-1")
    values = values if type(values) is tuple else (values,)
    # (Each string or bytes value may be put in whole: '%s%s' % (s, s) in a loop doubles.)
    size = _texts_size(values)
    stars = [_count(value) for value in values if _count(value) is not None]
    for match in _PRINTF_FIELD.finditer(text):
        for part in match.groups():
            if part == "*":
                size += abs(stars.pop(0)) if stars else 0
            elif part:
                size += int(part)
    return size


def _lazy_length(value):
    """How many items iterating over ``value`` gives, for the host's lazy iterables that
    say it (``LAZY_TYPES``); 0 for the rest."""
    kind = type(value)
    if kind in _LAZY:
        try:
            return len(value) if kind is range else value.__length_hint__()
        except (OverflowError, TypeError):
            # (A range too long for an index; itertools.repeat with no count.)
            return 1 << 63
    if kind in _ENDLESS:
        return _ENDLESS_LENGTH
    if kind in _COMPOSED:
        return _composed_length(kind, value)
    if kind is itertools.product:
        # Its pools are tuples already (made by its call, which is checked): as many
        # items as their lengths' product, each a tuple of one item per pool.
        pools = itertools.product.__reduce__(value)[1]
        return math.prod(map(len, pools)) * (len(pools) + 8)
    return 0


def _lazy_size(value, item_size):
    """About the bytes a collection of ``value``'s items takes (``_lazy_length``),
    ``item_size`` bytes each, with the objects a composed iterable makes per item."""
    return _lazy_length(value) * (item_size + _COMPOSED.get(type(value), 0))


def _source_length(value):
    """The items a composed iterable's source gives: a collection's length, or a lazy
    iterable's (``_lazy_length``); None where the host does not know it (a guest
    generator's items are made by counted instructions)."""
    kind = type(value)
    if kind in _MADE:
        return kind.__len__(value)
    if kind in LAZY_TYPES or kind is itertools.product:
        return _lazy_length(value)
    return None


def _runs_guest_code(function):
    """Whether calling ``function`` runs guest code, whose instructions are counted."""
    kind = type(function)
    return kind is Function or kind is MethodType and type(function.__func__) is Function


def _composed_length(kind, value):
    """How many items the composed iterable ``value`` (of ``_COMPOSED``) makes in the
    host's code: 0 where a guest function makes each (its instructions are counted), or
    where a source's length is not known (a guest generator, whose are)."""
    # (Its own type's reduction, with no guest code: what it was made of.)
    reduced = kind.__reduce__(value)
    parts = reduced[1]
    if kind is itertools.chain:
        # (chain, (), (the sources' iterator[, the active source])): a chain of a
        # tuple's sources, chain(a, b, ...), gives what they give.
        state = reduced[2] if len(reduced) > 2 else ()
        if not state:
            return 0
        sources = state[0]
        if type(sources) is not _TUPLE_ITERATOR:
            return 0
        reduced_sources = _TUPLE_ITERATOR.__reduce__(sources)
        if len(reduced_sources) < 3:
            # (Its sources all used.)
            return 0
        remaining = reduced_sources[1][0][reduced_sources[2]:]
        lengths = [_source_length(source) for source in remaining + state[1:]]
        # (A guest generator among them counts its own items.)
        return min(sum(length for length in lengths if length), _ENDLESS_LENGTH)
    if kind in (map, itertools.starmap, filter, itertools.filterfalse, itertools.takewhile,
                itertools.dropwhile):
        if _runs_guest_code(parts[0]):
            return 0
        sources = parts[1:]
    elif kind is itertools.accumulate:
        if _runs_guest_code(parts[1]):
            return 0
        sources = parts[:1]
    elif kind is itertools.islice and len(parts) == 4 and type(parts[2]) is int:
        source, start, stop, step = parts
        return min(_source_length(source) or 0, max(0, -(-(stop - start) // step)))
    elif kind in (enumerate, itertools.islice):
        sources = parts[:1]
    else:
        # zip, compress: as many as their shortest source.
        sources = parts
    lengths = [_source_length(source) for source in sources]
    return 0 if None in lengths else min(lengths, default=0)


def _type_call_size(cls, arguments, keywords):
    """About the bytes ``cls(*arguments, **keywords)`` makes, ``cls`` a class."""
    if cls is dict:
        # dict(zip(keys, values)): an entry of some 32 bytes per pair, and the pair.
        return _lazy_size(arguments[0], 32) if len(arguments) == 1 else 0
    for sequence_type, item_size in _SEQUENCE_ITEM_SIZES:
        if issubclass(cls, sequence_type):
            break
    else:
        if issubclass(cls, itertools.product):
            # Its pools made tuples at once, as many times as it repeats.
            repeat = _count(keywords.get("repeat", 1)) or 0
            return sum(_lazy_length(pool) for pool in arguments) * 8 * max(repeat, 1)
        if issubclass(cls, array.array):
            return _lazy_size(arguments[1], 8) if len(arguments) == 2 else 0
        return 0
    if keywords:
        if "maxlen" in keywords:
            # (A deque that keeps so many items at most.)
            return 0
        if not arguments and "source" in keywords:
            # bytes(source=10**10)
            arguments = (keywords["source"],)
    if len(arguments) != 1:
        return 0
    argument = arguments[0]
    if item_size == 1:
        count = _count(argument)
        if count is not None:
            return count
    return _lazy_size(argument, item_size)


def _joined_size(kind, separator, items):
    """About the bytes of ``separator.join(items)`` (``separator`` a ``kind``, ``items``
    a list or tuple): its items' lengths (read by the host's own length of their type,
    no guest ``__len__``) and the separators between them."""
    length = str.__len__ if kind is str else bytes.__len__
    try:
        total = sum(map(length, items))
    except TypeError:
        # (Other bytes-like items than bytes, or items the join refuses.)
        total = sum(len(item) for item in items if type(item) in _TEXT_TYPES)
    return total + kind.__len__(separator) * max(len(items) - 1, 0)


# The names of the host methods _method_cost knows to amplify.
_AMPLIFYING_NAMES = frozenset((
    "ljust", "rjust", "center", "zfill", "expandtabs", "replace", "join", "format",
    "format_map", "__mul__", "__rmul__", "__imul__", "__mod__", "to_bytes", "__pow__",
    "__lshift__", "__rpow__", "__rlshift__", "extend", "extendleft", "__iadd__", "__new__",
    "translate", "fromkeys", "sort", "__add__", "update", "union", "symmetric_difference",
    "symmetric_difference_update"))
# The methods that grow their object by as many items as their argument gives: the
# quick test lets them pass where it is neither lazy nor a long sequence
# (size_checks' ``grown_names``; ``x.extend(x)`` in a loop doubles).
GROWN_NAMES = frozenset(("extend", "extendleft", "__iadd__", "update", "union",
                         "symmetric_difference", "symmetric_difference_update"))
_INT_OPERATORS = {"__pow__": _POWER, "__lshift__": _SHIFT, "__mul__": _MULTIPLY,
                  "__rpow__": _POWER, "__rlshift__": _SHIFT, "__rmul__": _MULTIPLY}


def _method_cost(owner, name, arguments, keywords):
    """(bytes, seconds) of ``owner.NAME(*arguments, **keywords)``, a host method."""
    if name not in _AMPLIFYING_NAMES:
        return _NO_COST
    kind = _sized_kind(type(owner))
    first = arguments[0] if arguments else None
    if kind in _TEXT_TYPES:
        if name in ("ljust", "rjust", "center", "zfill"):
            return _linear(_count(first) or 0)
        if name == "expandtabs":
            tabsize = _count(keywords.get("tabsize", 8 if first is None else first))
            tab = "\t" if kind is str else b"\t"
            return _linear(kind.count(owner, tab) * tabsize if tabsize else 0)
        if name == "translate" and kind is str:
            # Each character may become the longest string of the table.
            table = keywords.get("table", first)
            if type(table) is not dict:
                return _linear(_UNKNOWN_SIZE if str.__len__(owner) else 0)
            longest = max((str.__len__(value) for value in table.values()
                           if type(value) is str), default=1)
            return _linear(str.__len__(owner) * longest)
        if name == "replace" and len(arguments) >= 2:
            old, new = arguments[0], arguments[1]
            if type(old) is kind and type(new) is kind and len(new) > len(old):
                count = kind.__len__(owner) + 1 if not old else kind.count(owner, old)
                return _linear(count * len(new))
            return _NO_COST
        if name == "join" and type(first) in (list, tuple):
            return _linear(_joined_size(kind, owner, first))
        if name == "join" and type(first) in LAZY_TYPES:
            # (The join makes a list of the items first: at least one character
            # each, and a separator between them.)
            return _linear(_lazy_size(first, 9 + kind.__len__(owner)))
        if name in ("format", "format_map") and kind is str:
            specs = _FORMAT_FIELD_SPEC.findall(owner)
            size = sum(spec_size(spec) for spec in specs)
            # ('{}{}'.format(s, s) in a loop doubles.)
            size += _texts_size(arguments) + _texts_size(keywords.values())
            if name == "format_map" and type(first) is dict:
                size += _texts_size(first.values())
            if _NESTED_FIELD.search(owner):
                # A spec's field given by an argument ('{:{}}'): any of them.
                size += sum(abs(_count(value) or 0)
                            for value in (*arguments, *keywords.values()))
            return _linear(size)
        if name in ("__mul__", "__rmul__", "__imul__"):
            return operation_cost(_MULTIPLY, owner, first)
        if name == "__add__":
            return addition_cost(owner, first, False)
        if name in GROWN_NAMES and kind is bytearray:
            # (The host makes room for as many bytes as a lazy iterable says first.)
            return _linear(_added_size(first, 1))
        if name == "__mod__":
            return _linear(printf_size(owner, first))
    elif kind is int:
        if name == "to_bytes":
            return _linear(_count(keywords.get("length", 1 if first is None else first)) or 0)
        operator = _INT_OPERATORS.get(name)
        if operator is not None:
            if name.startswith("__r"):
                return operation_cost(operator, first, owner)
            return operation_cost(operator, owner, first)
    elif kind in (list, tuple, collections.deque):
        if name in ("__mul__", "__rmul__", "__imul__"):
            return operation_cost(_MULTIPLY, owner, first)
        if name == "__add__":
            return addition_cost(owner, first, False)
        if name in GROWN_NAMES:
            return _extended_cost(owner, kind, first)
    elif kind is set or kind is frozenset:
        if name in GROWN_NAMES:
            # set().update(range(10**10)): an entry of some 16 bytes per item of each
            # lazy iterable given (a collection's items are made already).
            return _linear(sum(_lazy_size(argument, 16) for argument in arguments
                               if type(argument) in LAZY_TYPES))
    elif kind is array.array:
        if name in ("extend", "__iadd__"):
            # (a.extend(a) in a loop doubles.)
            return _linear(_added_size(first, array.array.itemsize.__get__(owner)))
    elif kind is dict:
        if name == "update" and type(first) in LAZY_TYPES:
            # d.update(zip(range(10**10), range(10**10))): an entry per pair.
            return _linear(_lazy_size(first, 32))
    elif issubclass(type(owner), type):
        if name == "__new__" and type(first) is type:
            # bytes.__new__(bytes, 10**10)
            return _linear(_type_call_size(first, arguments[1:], keywords))
        if name == "fromkeys" and issubclass(owner, dict):
            # dict.fromkeys(range(10**10)): an entry of some 32 bytes per key.
            return _linear(_lazy_size(first, 32))
    return _NO_COST


def _format_cost(arguments, keywords):
    return _linear(spec_size(arguments[1]) if len(arguments) >= 2 else 0)


def _keyword_arguments(arguments, keywords, names):
    """``arguments`` with those of ``names`` given as keywords after them, in order."""
    values = list(arguments)
    for name in names[len(values):]:
        if name not in keywords:
            break
        values.append(keywords[name])
    return values


def _pow_cost(arguments, keywords):
    arguments = _keyword_arguments(arguments, keywords, ("base", "exp", "mod"))
    if len(arguments) == 3 and arguments[2] is None:
        del arguments[2]
    if len(arguments) == 2:
        return operation_cost(_POWER, arguments[0], arguments[1])
    if len(arguments) != 3:
        return _NO_COST
    base, exponent, modulus = map(_int_value, arguments)
    if base is not None and exponent is not None and modulus:
        # (The result is smaller than the modulus.)  Per bit of the exponent, a square
        # and a product, each reduced by a division by the modulus.
        digits = modulus.bit_length() // 30 + 1
        step = 2 * (_product_seconds(digits * 30, digits * 30)
                    + 2 * digits * digits * _DIGIT_DIVISION)
        return 0, abs(exponent).bit_length() * step
    return _NO_COST


def _sum_cost(arguments, keywords):
    # Lists or tuples added up: as long as all of them, and each addition copies the
    # sum so far.
    arguments = _keyword_arguments(arguments, keywords, ("iterable", "start"))
    if len(arguments) != 2 or type(arguments[1]) not in (list, tuple) \
            or type(arguments[0]) not in (list, tuple):
        return _NO_COST
    length = len(arguments[1])
    copied = 0
    for item in arguments[0]:
        if type(item) in (list, tuple):
            length += len(item)
            copied += length
    return 8 * length, 8 * copied / BYTES_PER_SECOND


def _consumed_cost(arguments, keywords):
    # A lazy iterable's items, iterated over in the host's code, which keeps none of
    # them: time, no room (at the assumed throughput, as a list of them).
    if not arguments:
        return _NO_COST
    return 0, _lazy_size(arguments[0], 8) / BYTES_PER_SECOND


def _sum_or_consumed_cost(arguments, keywords):
    size, seconds = _sum_cost(arguments, keywords)
    return size, max(seconds, _consumed_cost(arguments, keywords)[1])


def _sorted_cost(arguments, keywords):
    # A list of a lazy iterable's items.
    return _linear(_lazy_size(arguments[0], 8) if arguments else 0)


def _factorial_cost(arguments, keywords):
    # n! has about n*log2(n) bits, made by products up to that size.
    n = _int_value(arguments[0]) if len(arguments) == 1 else None
    if n is None or n < 2:
        return _NO_COST
    bits = int(n * math.log2(n))
    return bits // 8, 2 * _product_seconds(bits // 2, bits // 2)


def _combinations_cost(arguments, keywords):
    # comb(n, k) and perm(n, k) have at most n*log2(n) bits (perm(n) is n!).
    n = _int_value(arguments[0]) if arguments else None
    if n is None or n < 2:
        return _NO_COST
    return _factorial_cost((n,), keywords)


def _random_bytes_cost(arguments, keywords):
    # os.urandom(10**10)
    arguments = _keyword_arguments(arguments, keywords, ("size",))
    return _linear(max(_count(arguments[0]) or 0, 0) if arguments else 0)


def _counted_elements_cost(arguments, keywords):
    # collections.Counter(range(10**10)), whose update counts a lazy iterable's items
    # into a dict in the host's code (_collections._count_elements): an entry per item.
    return _linear(_lazy_size(arguments[1], 32) if len(arguments) == 2 else 0)


def _packed_cost(arguments, keywords):
    # struct.pack('10000000000x'): as many bytes as the format says.
    if not arguments or type(arguments[0]) not in (str, bytes):
        return _NO_COST
    try:
        return _linear(struct.calcsize(arguments[0]))
    except (struct.error, OverflowError, ValueError):
        return _NO_COST


# The builtins whose result's cost follows from their arguments, with the least number
# of positional arguments with which it may be large (a sum of lists needs its start;
# a keyword may give one, and a call with keywords is always looked at); the others
# make nothing bigger than what they are given, and the quick test lets them pass.
_BUILTIN_COSTS = {format: _format_cost, pow: _pow_cost, sum: _sum_or_consumed_cost,
                  sorted: _sorted_cost, math.factorial: _factorial_cost,
                  math.comb: _combinations_cost, math.perm: _combinations_cost,
                  min: _consumed_cost, max: _consumed_cost, any: _consumed_cost,
                  all: _consumed_cost, os.urandom: _random_bytes_cost,
                  _count_elements: _counted_elements_cost, struct.pack: _packed_cost}
# The operator module's functions of the operators that amplify (``operator.mul('a',
# 10**10)``, ``operator.pow(7, 10**8)``; ``__mul__`` and the like are the same objects),
# sized as the operator.
_OPERATOR_FUNCTIONS = {operator.add: _ADD, operator.iadd: _ADD + _INPLACE,
                       operator.concat: _ADD, operator.iconcat: _ADD + _INPLACE,
                       operator.mul: _MULTIPLY, operator.imul: _MULTIPLY,
                       operator.pow: _POWER, operator.ipow: _POWER,
                       operator.lshift: _SHIFT, operator.ilshift: _SHIFT,
                       operator.mod: _REMAINDER, operator.imod: _REMAINDER}


def _operator_cost(number):
    def cost(arguments, keywords):
        if len(arguments) != 2:
            return _NO_COST
        return operation_cost(number, arguments[0], arguments[1])
    return cost


_BUILTIN_COSTS.update((function, _operator_cost(number))
                      for function, number in _OPERATOR_FUNCTIONS.items())
# (The consumers of an iterable are looked at below their least number where their
# first argument is lazy: size_checks' quick test.)
_LEAST_ARGUMENTS = {format: 2, pow: 2, sum: 2, sorted: 1, math.factorial: 1, math.comb: 1,
                    math.perm: 1, any: KEYWORDED, all: KEYWORDED, os.urandom: 1,
                    _count_elements: 2, struct.pack: 1}
_LEAST_ARGUMENTS.update((function, 2) for function in _OPERATOR_FUNCTIONS)
_BUILTIN, _BOUND_SPECIAL, _UNBOUND, _UNBOUND_SPECIAL = (
    type(len), type("".__mul__), type(str.ljust), type(str.__mul__))
# The bound methods of the types whose methods are told their defining class (an
# array's: ``array('b').extend``), a type of their own.
_BOUND_CLASS_METHOD = type(array.array("b").extend)
_PARTIAL, _METHOD_CALLER = functools.partial, operator.methodcaller
_PARTIAL_PARTS = tuple(vars(_PARTIAL)[name].__get__ for name in ("func", "args", "keywords"))
_STATIC_FUNCTION = vars(staticmethod)["__func__"].__get__
_NAMED_KINDS = (_BUILTIN, _BOUND_SPECIAL, _BOUND_CLASS_METHOD, _UNBOUND, _UNBOUND_SPECIAL)

_TYPE_NEW, _TYPE_SETATTR = type.__new__, type.__setattr__


def _changes_classes(function):
    """Whether a call of ``function`` may make a class or set a class's attribute
    (``OperationChecks._with_checked_class_parts`` looks): ``type``, a metaclass,
    ``type.__new__``, ``setattr``, ``type.__setattr__``, a class's bound
    ``__setattr__``, a wrapper of callables.  (By identity: no guest ``__eq__`` or
    ``__hash__`` runs.)"""
    if function is type or function is setattr or function is _TYPE_NEW \
            or function is _TYPE_SETATTR:
        return True
    kind = type(function)
    if kind is type or issubclass(kind, type):
        return issubclass(function, type)
    if kind is _BOUND_SPECIAL:
        return issubclass(type(function.__self__), type)
    if kind is MethodType:
        return type(function.__func__) is not Function
    return kind in WRAPPER_KINDS or issubclass(kind, (_PARTIAL, staticmethod))


# The host's callables that call a callable they are given, later, from the host's
# code, where the checks before instructions do not see it: with the positions and
# the keywords of the callables they take.  Each is called with those behind the
# checks of a call (``OperationChecks.checked``) where they may amplify.
_CALLBACK_TAKERS = {
    map: ((0,), ()), filter: ((0,), ()), iter: ((0,), ()),
    sorted: ((), ("key",)), min: ((), ("key",)), max: ((), ("key",)),
    itertools.starmap: ((0,), ()), itertools.filterfalse: ((0,), ()),
    itertools.takewhile: ((0,), ()), itertools.dropwhile: ((0,), ()),
    itertools.accumulate: ((1,), ("func",)), itertools.groupby: ((1,), ("key",)),
    functools.reduce: ((0,), ()), functools.cmp_to_key: ((0,), ("mycmp",)),
    functools._lru_cache_wrapper: ((0,), ()), collections.defaultdict: ((0,), ()),
    list.sort: ((), ("key",)),
}
# The host callables that may be sized whatever their owner: the builtins above, the
# sized types and their ``__new__``, and their methods of the names _method_cost knows,
# unbound (str.ljust, str.__mul__: their instances are the same objects at each
# look-up), with the least number of positional arguments each needs to amplify (the
# unbound ones, their instance first); and the callback takers, with the least number
# that may give them a callable.
SIZED_CALLABLES = dict(_LEAST_ARGUMENTS)
SIZED_CALLABLES.update((kind.__new__, 2) for kind in SIZED_TYPES)
SIZED_CALLABLES.update((kind, 1) for kind in SIZED_TYPES)
SIZED_CALLABLES.update(
    (method, 1) for kind in _OWNERS for method in
    (vars(kind).get(name) for name in sorted(_AMPLIFYING_NAMES))
    if type(method) in (_UNBOUND, _UNBOUND_SPECIAL))
SIZED_CALLABLES.update((kind, 1) for kind in (array.array, collections.deque, itertools.product))
for taker, (positions, _names) in _CALLBACK_TAKERS.items():
    # (A callable given by keyword only: a call with keywords counts as one with
    # KEYWORDED arguments more.)
    SIZED_CALLABLES[taker] = min(SIZED_CALLABLES.get(taker, KEYWORDED),
                                 min(positions) + 1 if positions else KEYWORDED)
SIZED_CALLABLES[iter] = 2
SIZED_CALLABLES[operator.call] = 1
# The makers and changers of classes, whose special methods may be set from the host's
# callables (``type('S', (str,), {'__add__': str.ljust})``, ``setattr(S, '__add__',
# str.ljust)``): type's call is looked at with three arguments (size_checks).
SIZED_CALLABLES.update({type: 3, setattr: 3, _TYPE_SETATTR: 3})
# dict of a lazy iterable of pairs (``dict(zip(range(10**9), range(10**9)))``).
SIZED_CALLABLES[dict] = 1
# The builtins, and builtin types, that make nothing big: the quick test's first look.
# The functions of other modules are added as the look first sees them
# (``OperationChecks.check_call``): their modules may be made again, as other objects.
UNSIZED_CALLABLES = set(
    value for value in vars(builtins).values()
    if (type(value) is _BUILTIN or type(value) is type) and value not in SIZED_CALLABLES
    and not (type(value) is type and issubclass(value, SIZED_TYPES)))
# At most this many are added (each holds its function alive, in every world of the
# process: a guest that imports a module afresh again and again makes new functions).
_LEARNED_AT_MOST = 10_000
_LEARNED_UP_TO = len(UNSIZED_CALLABLES) + _LEARNED_AT_MOST
BUILTIN_KIND = _BUILTIN
# The kinds of host callables that may be sized: types (SIZED_TYPES and their
# subclasses), builtins and bound C methods ('a'.ljust), special methods bound
# ('a'.__mul__), methods unbound (str.ljust, str.__mul__), and the wrappers of
# callables, which are looked into (``WRAPPER_KINDS``); the names that may be (of the
# bound ones, where their ``__self__`` is of SIZED_OWNERS or a subclass).
WRAPPER_KINDS = frozenset((_PARTIAL, _METHOD_CALLER, staticmethod))
SIZED_KINDS = frozenset((type, _BUILTIN, _BOUND_SPECIAL, _BOUND_CLASS_METHOD, _UNBOUND,
                         _UNBOUND_SPECIAL)) | WRAPPER_KINDS
BOUND_KINDS = frozenset((_BUILTIN, _BOUND_SPECIAL, _BOUND_CLASS_METHOD))
SIZED_NAMES = _AMPLIFYING_NAMES | {"__setattr__"} | {
    function.__name__ for function in SIZED_CALLABLES if type(function) is _BUILTIN}


def call_cost(function, arguments, keywords):
    """(bytes, seconds) of ``function(*arguments, **keywords)``, for the host's
    callables whose result's cost follows from their arguments, and the wrappers of
    such a callable (``_unwrapped``); nothing for the rest."""
    function, arguments, keywords = _unwrapped(function, arguments, keywords)
    kind = type(function)
    if kind is type or issubclass(kind, type):
        return _linear(_type_call_size(function, arguments, keywords))
    if kind is _BUILTIN:
        cost = _BUILTIN_COSTS.get(function)
        if cost is not None:
            return cost(arguments, keywords)
        return _method_cost(function.__self__, function.__name__, arguments, keywords)
    if kind is _BOUND_SPECIAL or kind is _BOUND_CLASS_METHOD:
        return _method_cost(function.__self__, function.__name__, arguments, keywords)
    if kind is _UNBOUND or kind is _UNBOUND_SPECIAL:
        # (issubclass of its type: isinstance would read a guest object's __class__.)
        if arguments and issubclass(type(arguments[0]), function.__objclass__):
            return _method_cost(arguments[0], function.__name__, arguments[1:], keywords)
    return _NO_COST


def _unwrapped(function, arguments, keywords):
    """(callable, arguments, keywords) that ``function(*arguments, **keywords)`` calls
    in the end, through the wrappers of callables: a bound method, ``functools.partial``,
    ``staticmethod``, ``operator.methodcaller`` and ``operator.call`` (each read through
    its own type, not a guest subclass's attributes)."""
    while True:
        kind = type(function)
        if kind is Function or kind is type:
            return function, arguments, keywords
        if kind is MethodType:
            function, arguments = function.__func__, (function.__self__, *arguments)
        elif function is operator.call and arguments:
            function, arguments = arguments[0], arguments[1:]
        elif issubclass(kind, _PARTIAL):
            inner, bound, bound_keywords = (part(function) for part in _PARTIAL_PARTS)
            function, arguments = inner, (*bound, *arguments)
            keywords = {**bound_keywords, **keywords}
        elif issubclass(kind, staticmethod):
            function = _STATIC_FUNCTION(function)
        elif issubclass(kind, _METHOD_CALLER) and arguments:
            # (The host's reduction of it names what it calls: its name and arguments,
            # its keywords in a partial.)
            maker, bound = _METHOD_CALLER.__reduce__(function)
            name, keywords = bound[0], {}
            if type(maker) is _PARTIAL:
                name, keywords = maker.args[0], maker.keywords
            else:
                bound = bound[1:]
            target = arguments[0]
            method = _type_attribute(type(target), name) if type(name) is str else None
            if method is None:
                return function, arguments, keywords
            function, arguments = method, (target, *bound)
        else:
            return function, arguments, keywords


def may_amplify(function):
    """Whether a call of ``function`` may be sized (with some arguments)."""
    kind = type(function)
    if kind is Function:
        return False
    if kind is MethodType:
        return may_amplify(function.__func__)
    if kind is type or issubclass(kind, type):
        return function in SIZED_CALLABLES or issubclass(function, SIZED_TYPES) \
            or _repeated_kind(function) is not None
    if kind in WRAPPER_KINDS or issubclass(kind, _PARTIAL) or issubclass(kind, staticmethod):
        return True
    if kind in SIZED_KINDS:
        return function in SIZED_CALLABLES or function.__name__ in SIZED_NAMES
    return False


def _with_checked_callbacks(checks, function, arguments, keywords):
    """``function``, or where it calls one of the ``_CALLBACK_TAKERS`` (through its
    wrappers, ``_unwrapped``) giving it a callable that may amplify, a function that
    calls the taker with that callable behind ``checks`` (for the same arguments,
    which it has)."""
    taker, arguments, keywords = _unwrapped(function, arguments, keywords)
    kind = type(taker)
    if kind is _BUILTIN and taker.__name__ == "sort" and issubclass(type(taker.__self__), list):
        arguments = (taker.__self__, *arguments)
        taker = list.sort
    elif kind not in SIZED_KINDS:
        return function
    places = _CALLBACK_TAKERS.get(taker) if taker in SIZED_CALLABLES else None
    if places is None:
        return function
    positions, names = places
    checked_arguments = list(arguments)
    checked_keywords = dict(keywords)
    changed = False
    for position in positions:
        if position < len(checked_arguments) and may_amplify(checked_arguments[position]):
            checked_arguments[position] = checks.checked(checked_arguments[position])
            changed = True
    for name in names:
        if name in checked_keywords and may_amplify(checked_keywords[name]):
            checked_keywords[name] = checks.checked(checked_keywords[name])
            changed = True
    if not changed:
        return function

    def call_with_checked_callbacks(*_arguments, **_keywords):
        return taker(*checked_arguments, **checked_keywords)
    return call_with_checked_callbacks
