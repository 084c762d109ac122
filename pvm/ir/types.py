"""The types the passes give values: what machine code can hold, and objects known when
the code is compiled.

A scalar (int: 64 bits, float, bool, None) is held unboxed; ``Known(obj)`` is an object
fixed at compile time (a module, a builtin, a guest function: the dispatcher checks at
entry that the globals still hold it) and has no run-time form at all; ranges, their
iterators, tuples and lists of one scalar type have the forms pvm.tier2 gives them.
"""


class Type:
    __slots__ = ()

    def __repr__(self):
        return str(self)


class Scalar(Type):
    __slots__ = ("name", "python_type")

    def __init__(self, name, python_type):
        self.name = name
        self.python_type = python_type

    def __str__(self):
        return self.name


INT = Scalar("int", int)
FLOAT = Scalar("float", float)
BOOL = Scalar("bool", bool)
NONE = Scalar("None", type(None))
NUMBERS = (INT, FLOAT, BOOL)

INT_MIN = -(1 << 63)
INT_MAX = (1 << 63) - 1


class Known(Type):
    """An object known at compile time; ``value`` is it."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        return isinstance(other, Known) and other.value is self.value

    def __hash__(self):
        return id(self.value)

    def __str__(self):
        name = getattr(self.value, "__qualname__", None) or getattr(self.value, "__name__", None)
        kind = type(self.value).__name__
        return "known %s %s" % (kind, name) if name else "known %s" % kind


class _Structured(Type):
    __slots__ = ("items",)

    def __init__(self, *items):
        self.items = items

    def __eq__(self, other):
        return type(other) is type(self) and other.items == self.items

    def __hash__(self):
        return hash((type(self).__name__, self.items))

    def __str__(self):
        return "%s[%s]" % (self.label, ", ".join(str(item) for item in self.items))


class RangeType(_Structured):
    label = "range"

    def __str__(self):
        return "range"


class RangeIteratorType(_Structured):
    label = "range_iterator"

    def __str__(self):
        return "range_iterator"


class TupleType(_Structured):
    label = "tuple"


class ListType(_Structured):
    """A list whose items are all of ``items[0]`` (a scalar)."""
    label = "list"

    @property
    def item(self):
        return self.items[0]


class ListIteratorType(_Structured):
    label = "list_iterator"

    @property
    def item(self):
        return self.items[0]


class ListMethod(_Structured):
    """A list's method, bound: ``items`` is (the list's type, the method's name)."""
    label = "method"

    def __str__(self):
        return "method %s of %s" % (self.items[1], self.items[0])


RANGE = RangeType()
RANGE_ITERATOR = RangeIteratorType()


MISSING = object()


def global_of(function_object, name):
    """What the global ``name`` of a guest function is: its globals', else its
    builtins'; MISSING if neither has it."""
    found = function_object.__globals__.get(name, MISSING)
    if found is MISSING:
        found = function_object.__builtins__.get(name, MISSING)
    return found


def of_constant(value):
    """The type of a constant, or None for one machine code cannot hold."""
    kind = type(value)
    if kind is bool:
        return BOOL
    if kind is int:
        return INT if INT_MIN <= value <= INT_MAX else None
    if kind is float:
        return FLOAT
    if value is None:
        return NONE
    if kind is tuple:
        items = tuple(of_constant(item) for item in value)
        return None if None in items else TupleType(*items)
    return None


def of_argument(value):
    """The type the dispatcher gives an argument value: its signature's part."""
    kind = type(value)
    if kind is list:
        item_types = set(map(type, value))
        if len(item_types) == 1:
            (item_type,) = item_types
            scalar = {int: INT, float: FLOAT, bool: BOOL}.get(item_type)
            if scalar is INT and not all(INT_MIN <= item <= INT_MAX for item in value):
                return None
            return ListType(scalar) if scalar is not None else None
        return None
    return of_constant(value)
