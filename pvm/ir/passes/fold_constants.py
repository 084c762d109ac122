"""Constant folding and propagation: an operation on constants is computed now (by the
host, which is Python: the result is Python's), a global or module attribute that holds
a number becomes that number, and a branch on a constant becomes a jump, the path not
taken removed."""

import operator

from pvm.ir.nodes import Constant, Instruction
from pvm.ir.passes.common import remove_edge, remove_instruction, remove_unreachable, \
    replace_everywhere
from pvm.ir.types import Scalar, of_constant

_BINARY = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
           "//": operator.floordiv, "%": operator.mod, "**": operator.pow,
           "<<": operator.lshift, ">>": operator.rshift, "&": operator.and_,
           "|": operator.or_, "^": operator.xor}
_COMPARE = {"<": operator.lt, "<=": operator.le, "==": operator.eq, "!=": operator.ne,
            ">": operator.gt, ">=": operator.ge}
_UNARY = {"-": operator.neg, "+": operator.pos, "~": operator.invert, "not": operator.not_}
# Beyond this, a power or shift is left for run time: computing it now could take long.
_LARGEST_FOLDED = 1 << 64


def run(function):
    changed = True
    while changed:
        changed = False
        for instruction in list(function.instructions()):
            if instruction.block is None or not isinstance(instruction, Instruction):
                continue
            folded = _fold(function, instruction)
            if folded is not None:
                replace_everywhere(function, instruction, folded)
                remove_instruction(instruction)
                changed = True
        for block in function.blocks:
            terminator = block.terminator
            if terminator.opcode == "branch" and isinstance(terminator.operands[0], Constant):
                taken, other = terminator.detail
                if not terminator.operands[0].value:
                    taken, other = other, taken
                if other is not taken:
                    remove_edge(block, other)
                block.instructions[-1] = Instruction("jump", (), (taken,), terminator.where)
                block.instructions[-1].block = block
                changed = True
        remove_unreachable(function)


def _fold(function, instruction):
    opcode = instruction.opcode
    if not isinstance(instruction.type, Scalar):
        return None
    if opcode in ("global", "attribute"):
        key = ("global", instruction.detail) if opcode == "global" else \
            ("attribute", instruction.operands[0].type.value, instruction.detail)
        return _constant(function.assumptions[key], instruction)
    if not instruction.operands or not all(isinstance(operand, Constant)
                                           for operand in instruction.operands):
        return None
    values = [operand.value for operand in instruction.operands]
    try:
        if opcode == "binary":
            symbol = instruction.detail.rstrip("=")
            if symbol in ("**", "<<") and abs(values[1]) > 64:
                return None
            result = _BINARY[symbol](*values)
        elif opcode == "compare":
            result = _COMPARE[instruction.detail](*values)
        elif opcode == "unary":
            result = _UNARY[instruction.detail](*values)
        elif opcode == "truth":
            result = bool(values[0])
        else:
            return None
    except (ArithmeticError, ValueError):
        return None         # raised at run time, where tier 0 raises it
    if isinstance(result, int) and not isinstance(result, bool) and \
            abs(result) >= _LARGEST_FOLDED:
        return None
    return _constant(result, instruction)


def _constant(value, instruction):
    if of_constant(value) is not instruction.type:
        return None
    constant = Constant(value)
    constant.type = instruction.type
    return constant
