"""``pvm.Code``: the immutable code object the compiler makes and the VM runs.

It carries what CPython's code object carries, under the same ``co_*`` names
(host tools such as ``inspect`` read them), with pvm's own instructions:
``co_code`` holds four bytes per instruction, the opcode then a 24-bit
little-endian operand (see ``pvm.opcodes``).  Offsets everywhere (jumps,
positions, the exception table) count instructions, not bytes.

``to_tuple`` / ``from_tuple`` turn a code object into plain tuples of
constants and back, so the host's ``marshal`` can store it.
"""

import struct

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

_INSTRUCTION = struct.Struct("<I")
INSTRUCTION_SIZE = _INSTRUCTION.size
MAX_OPERAND = (1 << 24) - 1

# Marks each entry of co_consts in the tuple form: a plain constant or a nested code object.
_PLAIN_CONSTANT = 0
_CODE_CONSTANT = 1


def encode_instructions(pairs):
    """``co_code`` for a sequence of (opcode, operand) pairs."""
    return b"".join(_INSTRUCTION.pack(opcode | operand << 8) for opcode, operand in pairs)


def decode_instructions(code_bytes):
    """The (opcode, operand) pairs of ``co_code``."""
    return [(word & 0xFF, word >> 8) for (word,) in _INSTRUCTION.iter_unpack(code_bytes)]


class Code:
    """A compiled body: module, class body, function, lambda or comprehension."""

    __slots__ = ("co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_stacksize",
                 "co_flags", "co_code", "co_consts", "co_names", "co_varnames",
                 "co_cellvars", "co_freevars", "co_filename", "co_name", "co_qualname",
                 "co_firstlineno", "co_positions_table", "co_exceptiontable",
                 "executable", "__weakref__")

    def __init__(self, *, argcount, posonlyargcount, kwonlyargcount, stacksize, flags,
                 code, consts, names, varnames, cellvars, freevars, filename, name,
                 qualname, firstlineno, positions, exceptiontable):
        self.co_argcount = argcount
        self.co_posonlyargcount = posonlyargcount
        self.co_kwonlyargcount = kwonlyargcount
        self.co_stacksize = stacksize
        self.co_flags = flags
        self.co_code = code
        self.co_consts = tuple(consts)
        self.co_names = tuple(names)
        self.co_varnames = tuple(varnames)
        self.co_cellvars = tuple(cellvars)
        self.co_freevars = tuple(freevars)
        self.co_filename = filename
        self.co_name = name
        self.co_qualname = qualname
        self.co_firstlineno = firstlineno
        # One (line, end line, column, end column) per instruction; columns in UTF-8 bytes.
        self.co_positions_table = tuple(positions)
        # (start, end, target, depth, push_offset) per protected range of instructions.
        self.co_exceptiontable = tuple(exceptiontable)
        # The VM's decoded form, made on first run.  Not part of the value of the code.
        self.executable = None

    def __setattr__(self, name, value):
        if name != "executable" and hasattr(self, "executable"):
            raise AttributeError("readonly attribute")
        object.__setattr__(self, name, value)

    def __repr__(self):
        return '<code object %s at %#x, file "%s", line %d>' % (
            self.co_name, id(self), self.co_filename, self.co_firstlineno)

    # -- what host tools read ---------------------------------------------------

    @property
    def co_nlocals(self):
        return len(self.co_varnames)

    @property
    def co_lnotab(self):
        return b""

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
        if 0 <= index < len(self.co_positions_table):
            return self.co_positions_table[index][0]
        return None

    def replace(self, **changes):
        fields = self._fields()
        for key, value in changes.items():
            fields[key.removeprefix("co_")] = value
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

    def to_tuple(self):
        fields = self._fields()
        fields["consts"] = tuple(
            (_CODE_CONSTANT, constant.to_tuple()) if isinstance(constant, Code)
            else (_PLAIN_CONSTANT, constant)
            for constant in self.co_consts)
        return tuple(fields[name] for name in _FIELD_ORDER)

    @classmethod
    def from_tuple(cls, data):
        fields = dict(zip(_FIELD_ORDER, data))
        fields["consts"] = tuple(
            cls.from_tuple(value) if kind == _CODE_CONSTANT else value
            for kind, value in fields["consts"])
        return cls(**fields)

    def __eq__(self, other):
        if not isinstance(other, Code):
            return NotImplemented
        return self.to_tuple() == other.to_tuple()

    def __hash__(self):
        return hash((self.co_name, self.co_code, self.co_firstlineno))


_FIELD_ORDER = ("argcount", "posonlyargcount", "kwonlyargcount", "stacksize", "flags",
                "code", "consts", "names", "varnames", "cellvars", "freevars", "filename",
                "name", "qualname", "firstlineno", "positions", "exceptiontable")

assert opcodes.OPCODE_COUNT <= 256, "an opcode must fit in one byte of co_code"
