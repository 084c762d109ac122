"""The block optimizer: simplifications on the graph of basic blocks.

- jump threading: a jump to a block that only jumps (on the same line) goes straight
  to the end;
- a jump to the block that follows in layout is removed;
- a jump to a short exit (``return None``) is replaced by a copy of it;
- code after an unconditional exit in a block is dropped (the stack-depth pass
  of the assembler then leaves unreachable blocks out).
"""

from pvm import opcodes as op


def optimize(graph):
    for block in graph.blocks:
        _drop_code_after_exit(block)
    for block in graph.blocks:
        for instruction in block.instructions:
            if instruction.opcode in _THREADABLE:
                instruction.operand = _final_target(instruction.operand,
                                                    instruction.position[0])
    for block in graph.blocks:
        last = block.last
        if last is not None and last.opcode == op.JUMP and \
                _first_non_empty(block.next) is _first_non_empty(last.operand):
            last.opcode, last.operand = op.NOP, 0
    for block in graph.blocks:
        _inline_small_exit(block)


# An exit this short is copied in place of a jump to it, as CPython does: one jump
# less, and the copy takes the line of the code it follows.
_MAXIMUM_COPIED_EXIT = 4


def _inline_small_exit(block):
    last = block.last
    if last is None or last.opcode != op.JUMP:
        return
    target = _first_non_empty(last.operand)
    if target is None:
        return
    if len(target.instructions) > _MAXIMUM_COPIED_EXIT or not target.exits_scope():
        return
    last.opcode, last.operand = op.NOP, 0
    block.instructions.extend(instruction.copy() for instruction in target.instructions)


# Jumps whose target may be replaced by where that target unconditionally jumps.
_THREADABLE = frozenset((op.JUMP, op.POP_JUMP_IF_FALSE, op.POP_JUMP_IF_TRUE,
                         op.POP_JUMP_IF_NONE, op.POP_JUMP_IF_NOT_NONE))


def _drop_code_after_exit(block):
    for index, instruction in enumerate(block.instructions):
        if instruction.opcode in op.ENDS_BLOCK:
            del block.instructions[index + 1:]
            return


def _first_non_empty(block):
    while block is not None and not _real_instructions(block):
        block = block.next
    return block


def _real_instructions(block):
    return [instruction for instruction in block.instructions if instruction.opcode != op.NOP]


def _final_target(block, line):
    """Where a jump of ``line`` to ``block`` ends up, through jumps of the same line
    only (as CPython threads them): a jump of its own line, a ``continue`` say, is
    a line that a trace function sees run."""
    seen = set()
    while True:
        real = _first_non_empty(block)
        if real is None or id(real) in seen:
            return block
        seen.add(id(real))
        instructions = _real_instructions(real)
        first = instructions[0]
        if first.opcode != op.JUMP or first.position[0] != line:
            return block
        block = first.operand
