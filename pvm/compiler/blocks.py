"""The compiler's intermediate form: instructions in basic blocks (a control-flow graph).

Code generation appends ``Instruction``s to ``Block``s; a jump's operand is
the target ``Block`` until the assembler turns it into an index.  Blocks are
kept in emission order (``Graph.blocks``), which is the order the assembler
lays them out in; ``Block.next`` is the fall-through successor.
"""

from pvm import opcodes


class Instruction:
    __slots__ = ("opcode", "operand", "position", "handler")

    def __init__(self, opcode, operand, position):
        self.opcode = opcode
        self.operand = operand          # int, or the target Block of a jump
        self.position = position        # (line, end line, column, end column)
        self.handler = None             # the Handler protecting it, set before assembly

    def __repr__(self):
        return "%s(%r)" % (opcodes.OPCODES[self.opcode].name, self.operand)

    @property
    def is_jump(self):
        return self.opcode in opcodes.HAS_JUMP

    def copy(self):
        duplicate = Instruction(self.opcode, self.operand, self.position)
        duplicate.handler = self.handler
        return duplicate


class Block:
    __slots__ = ("instructions", "next", "label", "entry_depth", "reachable",
                 "is_handler", "preserves_offset", "index")

    def __init__(self, label):
        self.instructions = []
        self.next = None            # the next block in layout order
        self.label = label
        self.entry_depth = None     # stack depth on entry, from the depth pass
        self.reachable = False
        self.is_handler = False     # the target of a SETUP_*
        self.preserves_offset = False
        self.index = None           # first instruction's index, from the assembler

    def __repr__(self):
        return "<Block %d: %r>" % (self.label, self.instructions)

    @property
    def last(self):
        return self.instructions[-1] if self.instructions else None

    def falls_through(self):
        last = self.last
        return last is None or last.opcode not in opcodes.ENDS_BLOCK

    def exits_scope(self):
        """Whether it ends by leaving the code object (a return, a raise)."""
        last = self.last
        return last is not None and last.opcode in _EXITS_SCOPE


_EXITS_SCOPE = frozenset((opcodes.RETURN_VALUE, opcodes.RAISE_VARARGS, opcodes.RERAISE))


class Handler:
    """Where an exception raised in a protected range goes."""

    __slots__ = ("block", "depth", "preserves_offset")

    def __init__(self, block, depth, preserves_offset):
        self.block = block
        self.depth = depth
        self.preserves_offset = preserves_offset

    def same_as(self, other):
        return (other is not None and self.block is other.block and self.depth == other.depth
                and self.preserves_offset == other.preserves_offset)


class Graph:
    """The blocks of one code object, in layout order."""

    def __init__(self):
        self.blocks = []
        self.current = None
        self.use_block(self.new_block())

    @staticmethod
    def new_block():
        return Block(-1)       # numbered when placed

    def use_block(self, block):
        """Place ``block`` after the current one and continue emitting into it."""
        block.label = len(self.blocks)
        if self.current is not None:
            self.current.next = block
        self.blocks.append(block)
        self.current = block

    def emit(self, opcode, operand, position):
        instruction = Instruction(opcode, operand, position)
        self.current.instructions.append(instruction)
        return instruction
