"""Copy propagation: what only passes a value on is replaced by that value: a phi whose
inputs are all one value, the truth of a bool, ``+x`` of a number, ``int`` of an int,
``float`` of a float."""

import builtins

from pvm.ir.nodes import Phi
from pvm.ir.passes.common import remove_instruction, replace_everywhere
from pvm.ir.types import BOOL, FLOAT, INT


def run(function):
    changed = True
    while changed:
        changed = False
        for instruction in list(function.instructions()):
            copied = _copied(instruction)
            if copied is not None:
                replace_everywhere(function, instruction, copied)
                remove_instruction(instruction)
                changed = True


def _copied(instruction):
    if isinstance(instruction, Phi):
        values = {id(value): value for value in instruction.incoming.values()
                  if value is not instruction}
        if len(values) == 1:
            (value,) = values.values()
            return value if value.type == instruction.type else None
        return None
    operands = instruction.operands
    opcode = instruction.opcode
    if opcode == "item" and getattr(operands[0], "opcode", None) == "tuple":
        return operands[0].operands[instruction.detail]
    if opcode == "truth" and operands[0].type is BOOL:
        return operands[0]
    if opcode == "unary" and instruction.detail == "+" and operands[0].type in (INT, FLOAT):
        return operands[0]
    if opcode == "call" and len(operands) == 2:
        if (instruction.detail is builtins.int and operands[1].type is INT) or \
                (instruction.detail is builtins.float and operands[1].type is FLOAT):
            return operands[1]
    return None
