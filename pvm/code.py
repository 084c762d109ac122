"""``pvm.Code``: the immutable code object the compiler makes and the VM runs.

It carries what CPython's code object carries, under the same ``co_*`` names
(host tools such as ``inspect`` read them), with pvm's own instructions:
``co_code`` holds four bytes per instruction, the opcode then a 24-bit
little-endian operand (see ``pvm.opcodes``).  Offsets everywhere (jumps,
positions, the exception table) count instructions, not bytes.

``to_tuple`` / ``from_tuple`` turn a code object into plain tuples of
constants and back, so the host's ``marshal`` can store it.
"""

import sys

from pvm import opcodes

# co_flags bits, with CPython's values so that ``inspect`` reads them right.
CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200
# The CO_FUTURE_ bits (CPython's PyCF_MASK): future features a code object was compiled
# under, which the compile, exec and eval it calls inherit.
PyCF_MASK = (0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000
             | 0x1000000)

# co_code's words are little-endian.  (Read without the struct module, whose import,
# a shared library's, every start would pay; only compiling and writing cache files
# import it.)
INSTRUCTION_SIZE = 4
MAX_OPERAND = (1 << 24) - 1


def encode_instructions(pairs):
    """``co_code`` for a sequence of (opcode, operand) pairs."""
    import struct
    words = [opcode | operand << 8 for opcode, operand in pairs]
    return struct.pack("<%dI" % len(words), *words)


def decode_instructions(code_bytes):
    """The (opcode, operand) pairs of ``co_code``."""
    return [(word & 0xFF, word >> 8) for word in instruction_words(code_bytes)]


def instruction_words(code_bytes):
    """``co_code`` as a sequence of one int per instruction (``word & 0xFF`` its opcode,
    ``word >> 8`` its operand), made without reading the instructions: a view of the
    bytes where the host's own order is little-endian, as co_code's is."""
    if _LITTLE_ENDIAN:
        return memoryview(code_bytes).cast("I")
    return [int.from_bytes(code_bytes[start:start + INSTRUCTION_SIZE], "little")
            for start in range(0, len(code_bytes), INSTRUCTION_SIZE)]


_LITTLE_ENDIAN = (sys.byteorder == "little"
                  and memoryview(bytes(INSTRUCTION_SIZE)).cast("I").itemsize == INSTRUCTION_SIZE)


class BuiltinType(type):
    """The metaclass of pvm's classes that stand for CPython's built-in types (code,
    function, generator, frame, traceback, ``sys.flags``): like those, they refuse to
    have their attributes set or deleted, with CPython's message.  They are shared by
    every world in the process and by the host, so a guest's ``type(f).__repr__ = ...``
    would otherwise reach them all.  pvm sets what it needs as it makes them, through
    ``type.__setattr__``."""

    def __setattr__(cls, name, value):
        raise TypeError("cannot set %r attribute of immutable type '%s'"
                        % (name, type_name(cls)))

    def __delattr__(cls, name):
        BuiltinType.__setattr__(cls, name, None)


def type_name(cls):
    """CPython's tp_name of the type ``cls`` stands for: ``function``, ``sys.flags``."""
    module = type.__dict__["__module__"].__get__(cls)
    if not isinstance(module, str) or module == "builtins":
        return cls.__name__
    return "%s.%s" % (module, cls.__qualname__)


class Code(metaclass=BuiltinType):
    """A compiled body: module, class body, function, lambda or comprehension."""

    __slots__ = ("co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_stacksize",
                 "co_flags", "co_code", "co_consts", "co_names", "co_varnames",
                 "co_cellvars", "co_freevars", "co_filename", "co_name", "co_qualname",
                 "co_firstlineno", "_positions", "_packed_positions",
                 "_exceptiontable", "_packed_exceptiontable", "__weakref__")

    def __init__(self, *, argcount: int, posonlyargcount: int, kwonlyargcount: int,
                 stacksize: int, flags: int, code: bytes, consts: tuple, names: tuple[str, ...],
                 varnames: tuple[str, ...], cellvars: tuple[str, ...],
                 freevars: tuple[str, ...], filename: str, name: str, qualname: str,
                 firstlineno: int,
                 positions: tuple[tuple[int | None, int | None, int | None, int | None], ...],
                 exceptiontable: tuple[tuple[int, int, int, int, bool], ...]) -> None:
        # Through the slots' own setters, not __setattr__'s read-only check (the
        # compiler makes a code object per function, class and comprehension); the
        # exception table last (see __setattr__).
        values = (argcount, posonlyargcount, kwonlyargcount, stacksize, flags, code,
                  tuple(consts), tuple(names), tuple(varnames), tuple(cellvars),
                  tuple(freevars), filename, name, qualname, firstlineno,
                  tuple(positions), tuple(exceptiontable))
        for setter, value in zip(_INIT_SETTERS, values):
            setter(self, value)

    def __setattr__(self, name, value):
        # Read-only once made (or loaded: a loaded code object has its exception
        # table in one of these two slots).
        if hasattr(self, "_exceptiontable") or hasattr(self, "_packed_exceptiontable"):
            raise AttributeError("readonly attribute")
        object.__setattr__(self, name, value)

    def __repr__(self):
        return '<code object %s at %#x, file "%s", line %d>' % (
            self.co_name, id(self), self.co_filename, self.co_firstlineno)

    # -- what host tools read ---------------------------------------------------

    @property
    def co_positions_table(self):
        """One (line, end line, column, end column) per instruction; columns in UTF-8
        bytes.  A code object loaded from the cache unpacks them on first use.

        (A property, not a ``__getattr__`` for the unset slot: a class with
        ``__getattr__`` makes the host look up every attribute of every code object
        the slow way, some 25 times the cost of a slot's.)"""
        try:
            return self._positions
        except AttributeError:
            pass
        # Native ints, as packed below (the array module would import collections.abc
        # at every start-up).
        packed = self._packed_positions
        # Four values an instruction, of two bytes each when all fit (see to_tuple), else
        # of four: four bytes a value make the table four times co_code's length.
        values = memoryview(packed).cast(
            "h" if len(packed) < 4 * len(self.co_code) else "i").tolist()
        table = tuple(zip(*[iter([None if value == _NO_VALUE else value
                                  for value in values])] * 4))
        _set_positions(self, table)
        return table

    @property
    def co_exceptiontable(self):
        """(start, end, target, depth, push_offset) per protected range of instructions.
        A code object loaded from the cache keeps them in one flat tuple until they are
        first asked for (few are: an exception handled or passing through, fusion):
        2,100 tuples fewer to load, and for the host's collector to walk, in `pvm -c
        pass`."""
        try:
            return self._exceptiontable
        except AttributeError:
            pass
        # (A code object made without __init__ has neither: AttributeError.)
        table = tuple(zip(*[iter(self._packed_exceptiontable)] * 5))
        _set_exceptiontable(self, table)
        return table

    @property
    def co_nlocals(self):
        return len(self.co_varnames)

    @property
    def co_lnotab(self):
        return b""

    @property
    def co_linetable(self):
        """The positions in CPython 3.11's location-table format, one code unit per
        instruction (``replace(co_linetable=...)`` reads the format back)."""
        return encode_location_table(self.co_positions_table, self.co_firstlineno)

    def co_positions(self):
        return iter(self.co_positions_table)

    def co_lines(self):
        """(start, end, line) ranges of instructions, as CPython's ``co_lines``."""
        start = 0
        current = None
        for index, position in enumerate(self.co_positions_table):
            line = position[0]
            if index and line != current:
                yield (start, index, current)
                start = index
            current = line
        if self.co_positions_table:
            yield (start, len(self.co_positions_table), current)

    def instructions(self):
        return decode_instructions(self.co_code)

    def line_of(self, index):
        """The line of the instruction at ``index`` (None for none)."""
        return self.position_of(index)[0]

    def position_of(self, index):
        """(line, end line, column, end column) of the instruction at ``index``.

        Index -1 is a frame that has not started: an exception thrown into a
        generator there is reported on the ``def`` line, as CPython reports it (on its
        RETURN_GENERATOR instruction, which pvm does not have), and so is a trace
        function's 'call' event."""
        if 0 <= index < len(self.co_positions_table):
            return self.co_positions_table[index]
        if index == -1:
            # A module's code starts on line 0 (CPython's RESUME there has that line).
            line = 0 if self.co_name == "<module>" else self.co_firstlineno
            return (line, line, None, None)
        return (None, None, None, None)

    def replace(self, **changes):
        fields = self._fields()
        linetable = changes.pop("co_linetable", None)
        for key, value in changes.items():
            fields[key.removeprefix("co_")] = value
        if linetable is not None:
            # One position per instruction: a short table leaves the rest without one.
            count = len(fields["code"]) // INSTRUCTION_SIZE
            positions = decode_location_table(linetable, fields["firstlineno"])[:count]
            fields["positions"] = positions + [(None, None, None, None)] * (count - len(positions))
        return Code(**fields)

    def _fields(self):
        return dict(
            argcount=self.co_argcount, posonlyargcount=self.co_posonlyargcount,
            kwonlyargcount=self.co_kwonlyargcount, stacksize=self.co_stacksize,
            flags=self.co_flags, code=self.co_code, consts=self.co_consts,
            names=self.co_names, varnames=self.co_varnames, cellvars=self.co_cellvars,
            freevars=self.co_freevars, filename=self.co_filename, name=self.co_name,
            qualname=self.co_qualname, firstlineno=self.co_firstlineno,
            positions=self.co_positions_table, exceptiontable=self.co_exceptiontable)

    # -- plain tuples, for marshal -------------------------------------------------

    def to_tuple(self, _shared=None):
        """The code as plain values that ``marshal`` stores, nested code objects included.

        The layout is made for loading speed (``pvm.cache`` reads one per imported
        module): positions are packed into bytes (two bytes a value when all fit, as
        in nearly every file: half the bytes to read and check) and unpacked only when
        a traceback or a tool asks for them; the exception table is one flat tuple
        (``co_exceptiontable``); nested code objects stay in place in the constants,
        and a tuple of their indexes says where they are.  Equal tuples of names are
        one object across the nested code objects, which marshal then stores once
        (a module's functions share their ``('self',)``): a thousand tuples fewer to
        load in `pvm -c pass`.
        """
        if _shared is None:
            _shared = {}
        consts = []
        code_indexes = []
        for index, constant in enumerate(self.co_consts):
            if isinstance(constant, Code):
                code_indexes.append(index)
                constant = constant.to_tuple(_shared)
            consts.append(constant)
        import struct
        positions = [value if value is not None else _NO_VALUE
                     for position in self.co_positions_table for value in position]
        try:
            packed_positions = struct.pack("%dh" % len(positions), *positions)
        except struct.error:    # a value that does not fit in two bytes
            packed_positions = struct.pack("%di" % len(positions), *positions)
        share = _shared.setdefault
        return (self.co_argcount, self.co_posonlyargcount, self.co_kwonlyargcount,
                self.co_stacksize, self.co_flags, self.co_code, tuple(consts),
                tuple(code_indexes), share(self.co_names, self.co_names),
                share(self.co_varnames, self.co_varnames),
                share(self.co_cellvars, self.co_cellvars),
                share(self.co_freevars, self.co_freevars),
                self.co_filename, self.co_name, self.co_qualname, self.co_firstlineno,
                packed_positions,
                tuple([value for entry in self.co_exceptiontable for value in entry]))

    @classmethod
    def from_tuple(cls, data):
        return _code_from_tuple(data)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Code):
            return NotImplemented
        return self.to_tuple() == other.to_tuple()

    def __hash__(self):
        return hash((self.co_name, self.co_code, self.co_firstlineno))


# -- CPython 3.11's location table (Objects/locations.md), one code unit per instruction --
#
# Each entry covers 1 to 8 instructions: a first byte 1CCCCLLL (code C, length L + 1),
# then the code's data.  Lines are deltas from the previous entry's line (at first
# co_firstlineno); columns are stored plus one in the long form, as is.

_NO_LOCATION = 15
_LONG_FORM = 14
_NO_COLUMN = 13
_ONE_LINE_FORM = 10     # codes 10..12: the line delta is code - 10


def encode_location_table(positions, firstlineno):
    table = bytearray()
    previous_line = firstlineno
    index = 0
    while index < len(positions):
        position = positions[index]
        length = 1
        while (length < 8 and index + length < len(positions)
               and positions[index + length] == position):
            length += 1
        index += length
        line, end_line, column, end_column = position
        if line is None:
            table.append(0x80 | _NO_LOCATION << 3 | length - 1)
            continue
        delta = line - previous_line
        previous_line = line
        if column is None or end_column is None:
            if end_line in (line, None):
                table.append(0x80 | _NO_COLUMN << 3 | length - 1)
                _write_signed_varint(table, delta)
                continue
        elif end_line == line:
            if delta == 0 and column < 80 and 0 <= end_column - column < 16:
                table.append(0x80 | (column >> 3) << 3 | length - 1)
                table.append((column & 7) << 4 | end_column - column)
                continue
            if 0 <= delta < 3 and column < 128 and end_column < 128:
                table.append(0x80 | (_ONE_LINE_FORM + delta) << 3 | length - 1)
                table.append(column)
                table.append(end_column)
                continue
        table.append(0x80 | _LONG_FORM << 3 | length - 1)
        _write_signed_varint(table, delta)
        _write_varint(table, (end_line if end_line is not None else line) - line)
        _write_varint(table, column + 1 if column is not None else 0)
        _write_varint(table, end_column + 1 if end_column is not None else 0)
    return bytes(table)


def decode_location_table(table, firstlineno):
    """The (line, end line, column, end column) per instruction of a location table."""
    positions = []
    line = firstlineno
    reader = iter(table)
    for first in reader:
        code = first >> 3 & 15
        length = (first & 7) + 1
        if code == _NO_LOCATION:
            position = (None, None, None, None)
        elif code == _LONG_FORM:
            line += _read_signed_varint(reader)
            end_line = line + _read_varint(reader)
            column = _read_varint(reader) - 1
            end_column = _read_varint(reader) - 1
            position = (line, end_line, column if column >= 0 else None,
                        end_column if end_column >= 0 else None)
        elif code == _NO_COLUMN:
            line += _read_signed_varint(reader)
            position = (line, line, None, None)
        elif code >= _ONE_LINE_FORM:
            line += code - _ONE_LINE_FORM
            position = (line, line, next(reader), next(reader))
        else:
            second = next(reader)
            column = code << 3 | second >> 4
            position = (line, line, column, column + (second & 15))
        positions.extend([position] * length)
    return positions


def _write_varint(table, value):
    while value >= 64:
        table.append(0x40 | value & 63)
        value >>= 6
    table.append(value)


def _write_signed_varint(table, value):
    _write_varint(table, -value << 1 | 1 if value < 0 else value << 1)


def _read_varint(reader):
    byte = next(reader)
    value = byte & 63
    shift = 6
    while byte & 64:
        byte = next(reader)
        value |= (byte & 63) << shift
        shift += 6
    return value


def _read_signed_varint(reader):
    value = _read_varint(reader)
    return -(value >> 1) if value & 1 else value >> 1


# CPython's name for the type, which guest code sees (``type(f.__code__)``, error
# messages); to the host it is still ``pvm.Code``.
for _name, _value in (("__name__", "code"), ("__qualname__", "code"),
                      ("__module__", "builtins")):
    type.__setattr__(Code, _name, _value)
del _name, _value

# Positions hold None where an instruction has no line or column; packed, that is -1
# (never a real line or column).
_NO_VALUE = -1

# Loading and __init__ set slots through their descriptors, skipping Code.__setattr__
# (the read-only guard): the cache builds hundreds of code objects per module.
_new_code = object.__new__
(_set_argcount, _set_posonlyargcount, _set_kwonlyargcount, _set_stacksize, _set_flags,
 _set_code, _set_consts, _set_names, _set_varnames, _set_cellvars, _set_freevars,
 _set_filename, _set_name, _set_qualname, _set_firstlineno, _set_packed_positions,
 _set_exceptiontable, _set_positions, _set_packed_exceptiontable) = (
    getattr(Code, name).__set__ for name in (
        "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_stacksize",
        "co_flags", "co_code", "co_consts", "co_names", "co_varnames", "co_cellvars",
        "co_freevars", "co_filename", "co_name", "co_qualname", "co_firstlineno",
        "_packed_positions", "_exceptiontable", "_positions", "_packed_exceptiontable"))
# What Code.__init__ sets, in the order of its parameters.
_INIT_SETTERS = (_set_argcount, _set_posonlyargcount, _set_kwonlyargcount, _set_stacksize,
                 _set_flags, _set_code, _set_consts, _set_names, _set_varnames,
                 _set_cellvars, _set_freevars, _set_filename, _set_name, _set_qualname,
                 _set_firstlineno, _set_positions, _set_exceptiontable)


def _code_from_tuple(data):
    code = _new_code(Code)
    (argcount, posonlyargcount, kwonlyargcount, stacksize, flags, co_code, consts,
     code_indexes, names, varnames, cellvars, freevars, filename, name, qualname,
     firstlineno, packed_positions, exceptiontable) = data
    if code_indexes:
        consts = list(consts)
        for index in code_indexes:
            consts[index] = _code_from_tuple(consts[index])
        consts = tuple(consts)
    _set_argcount(code, argcount)
    _set_posonlyargcount(code, posonlyargcount)
    _set_kwonlyargcount(code, kwonlyargcount)
    _set_stacksize(code, stacksize)
    _set_flags(code, flags)
    _set_code(code, co_code)
    _set_consts(code, consts)
    _set_names(code, names)
    _set_varnames(code, varnames)
    _set_cellvars(code, cellvars)
    _set_freevars(code, freevars)
    _set_filename(code, filename)
    _set_name(code, name)
    _set_qualname(code, qualname)
    _set_firstlineno(code, firstlineno)
    _set_packed_positions(code, packed_positions)
    if exceptiontable:
        _set_packed_exceptiontable(code, exceptiontable)
    else:
        _set_exceptiontable(code, ())
    return code


assert opcodes.OPCODE_COUNT <= 256, "an opcode must fit in one byte of co_code"
