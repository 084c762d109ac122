"""The SSA form's objects: values, instructions, blocks, functions, and their text.

A function is a list of basic blocks, the entry first.  A block holds its phis, then
its instructions, and ends with one terminator (``jump``, ``branch``, ``return``,
``raise``).  Every value is defined once: an argument, a constant, a phi or an
instruction; an instruction's operands are values.  Each instruction made from a
bytecode instruction keeps its index (``where``), and those that may have to leave
machine code keep the guest's state there (``state``): what tier 0 needs to go on from
that instruction, running it again.

Types (``value.type``) are None until a pass gives them (pvm.ir.types).
"""


class Value:
    """Anything an instruction may use."""

    __slots__ = ("type",)

    def __init__(self):
        self.type = None


class Constant(Value):
    __slots__ = ("value",)

    def __init__(self, value):
        super().__init__()
        self.value = value

    def name(self):
        return _constant_text(self.value)


class Undefined(Value):
    """A local read where nothing was stored in it on some path (tier 0 would raise
    UnboundLocalError, or nothing reads it)."""

    __slots__ = ()

    def name(self):
        return "undefined"


UNDEFINED = Undefined()


class Argument(Value):
    __slots__ = ("index", "local_name")

    def __init__(self, index, local_name):
        super().__init__()
        self.index = index
        self.local_name = local_name

    def name(self):
        return "%" + self.local_name


class Instruction(Value):
    """``opcode`` (a word such as ``binary`` or ``call``), its operands, and what it
    needs besides: ``detail`` (an operator, a name, a count), ``where`` (the bytecode
    index it came from) and ``state`` (a State, or None for an instruction that cannot
    fail)."""

    __slots__ = ("opcode", "operands", "detail", "where", "state", "block", "number")

    def __init__(self, opcode, operands, detail=None, where=None, state=None):
        super().__init__()
        self.opcode = opcode
        self.operands = list(operands)
        self.detail = detail
        self.where = where
        self.state = state
        self.block = None
        self.number = None

    def name(self):
        return "v%d" % self.number

    @property
    def is_terminator(self):
        return self.opcode in TERMINATORS

    def uses(self):
        """The values it reads, its state's included."""
        yield from self.operands
        if self.state is not None:
            yield from self.state.values()

    def replace_uses(self, old, new):
        self.operands = [new if operand is old else operand for operand in self.operands]
        if self.state is not None:
            self.state.replace(old, new)


class Phi(Instruction):
    """The value that depends on the block control came from: ``incoming`` maps each
    predecessor block to its value."""

    __slots__ = ("incoming", "variable")

    def __init__(self, block, variable):
        super().__init__("phi", ())
        self.block = block
        self.variable = variable       # ("local", index) or ("stack", depth)
        self.incoming = {}

    def uses(self):
        yield from self.incoming.values()

    def replace_uses(self, old, new):
        for block, value in self.incoming.items():
            if value is old:
                self.incoming[block] = new


class State:
    """The guest's state before the instruction at ``index``: its fast locals (a value
    each, UNDEFINED for unbound) and its stack, bottom first."""

    __slots__ = ("index", "locals", "stack")

    def __init__(self, index, locals_, stack):
        self.index = index
        self.locals = locals_
        self.stack = stack

    def values(self):
        yield from self.locals
        yield from self.stack

    def replace(self, old, new):
        self.locals = [new if value is old else value for value in self.locals]
        self.stack = [new if value is old else value for value in self.stack]


TERMINATORS = frozenset(("jump", "branch", "return", "raise", "for_iter"))

# Instructions that give no value.
NO_RESULT = frozenset(("store_subscript", "unpack_check", "raise", "return", "jump", "branch",
                       "for_iter"))

# What may not be removed even when nothing reads its result.
SIDE_EFFECTS = frozenset(("call", "method_call", "store_subscript", "iter_next", "raise",
                          "opaque", "unpack_check")) | TERMINATORS


class Block:
    __slots__ = ("label", "phis", "instructions", "predecessors", "start")

    def __init__(self, label, start):
        self.label = label          # "b" + the bytecode index it starts at (or a suffix)
        self.start = start
        self.phis = []
        self.instructions = []      # the terminator last
        self.predecessors = []

    @property
    def terminator(self):
        return self.instructions[-1] if self.instructions else None

    @property
    def successors(self):
        terminator = self.terminator
        return list(terminator.detail) if terminator is not None and \
            terminator.opcode in ("jump", "branch", "for_iter") else []

    def append(self, instruction):
        instruction.block = self
        self.instructions.append(instruction)
        return instruction


class Function:
    """The SSA form of one guest code object."""

    def __init__(self, code, arguments, blocks):
        self.code = code
        self.name = code.co_qualname if hasattr(code, "co_qualname") else code.co_name
        self.arguments = arguments
        self.blocks = blocks

    @property
    def entry(self):
        return self.blocks[0]

    def instructions(self):
        for block in self.blocks:
            yield from block.phis
            yield from block.instructions

    def renumber(self):
        for number, instruction in enumerate(self.instructions()):
            instruction.number = number

    def format(self, states=False):
        """The text form: one line per phi and instruction, each block headed by its
        label and predecessors; ``states`` adds each instruction's guest state."""
        return "\n".join(text for text, _where in self.format_lines(states))

    def format_lines(self, states=False):
        """[(a line of ``format``, the index of the guest instruction it comes from, or
        None)]: the stage explorer links each line to its instruction."""
        self.renumber()
        arguments = ", ".join("%s%s" % (argument.name(), _type_suffix(argument))
                              for argument in self.arguments)
        lines = [("function %s(%s)" % (self.name, arguments), None)]
        for block in self.blocks:
            came_from = ", ".join(predecessor.label for predecessor in block.predecessors)
            lines.append(("%s:%s" % (block.label, "    ; from " + came_from if came_from
                                     else ""), None))
            for phi in block.phis:
                sources = ", ".join("%s: %s" % (source.label, _name(value))
                                    for source, value in phi.incoming.items())
                lines.append(("    %s%s = phi %s [%s]" % (
                    phi.name(), _type_suffix(phi), _variable_text(phi.variable, self.code),
                    sources), None))
            for instruction in block.instructions:
                lines.append(("    " + _instruction_text(instruction, self.code, states),
                              instruction.where))
        return lines


def _instruction_text(instruction, code, states):
    operands = ", ".join(_name(operand) for operand in instruction.operands)
    detail = instruction.detail
    if instruction.opcode in ("jump", "branch", "for_iter"):
        targets = " -> " + ", ".join(block.label for block in detail)
        detail_text = ""
    else:
        targets = ""
        detail_text = "" if detail is None else " " + _detail_text(detail)
    text = "%s%s%s%s" % (instruction.opcode, detail_text, " " + operands if operands else "",
                         targets)
    if instruction.opcode not in NO_RESULT:
        text = "%s%s = %s" % (instruction.name(), _type_suffix(instruction), text)
    if instruction.where is not None:
        text = text.ljust(48) + " ; @%d" % instruction.where
        line = code.line_of(instruction.where) if code is not None else None
        if line is not None:
            text += " line %d" % line
    if states and instruction.state is not None:
        state = instruction.state
        local_text = ", ".join("%s=%s" % (code.co_varnames[index], _name(value))
                               for index, value in enumerate(state.locals)
                               if value is not UNDEFINED)
        stack_text = ", ".join(_name(value) for value in state.stack)
        text += "\n        ; state @%d: locals {%s} stack [%s]" % (state.index, local_text,
                                                                   stack_text)
    return text


def _detail_text(detail):
    if isinstance(detail, str):
        return detail
    return repr(detail)


def _variable_text(variable, code):
    kind, index = variable
    if kind == "local" and code is not None:
        return code.co_varnames[index]
    return "%s%d" % (kind, index)


def _name(value):
    return value.name()


def _type_suffix(value):
    return "" if value.type is None else ": " + str(value.type)


def _constant_text(value):
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return text
