"""Check placement: which instructions may leave machine code.

An instruction keeps the guest's state (its way back to tier 0) only if, for its types
and constant operands, it may fail or give a value machine code cannot hold: an int
``+`` may pass 64 bits, a float ``+`` cannot; ``x // 2`` cannot divide by zero,
``x // y`` can.  The rest lose their states, so that values the guest's state alone
would keep alive are dead, and the code has no branch there."""

import builtins

from pvm.ir.nodes import Constant
from pvm.ir.types import BOOL, FLOAT, INT, ListMethod, ListType, TupleType

_NEVER_FAIL = frozenset(("global", "attribute", "truth", "is", "tuple", "item", "iter",
                         "iter_next", "unpack_check", "list", "phi"))
_SAFE_BUILTINS = (builtins.len, builtins.min, builtins.max, builtins.float)


def run(function):
    for instruction in function.instructions():
        if instruction.state is not None and not may_fail(instruction):
            instruction.state = None


def may_fail(instruction):
    opcode = instruction.opcode
    operands = instruction.operands
    if opcode in _NEVER_FAIL:
        return False
    if opcode == "binary":
        return _binary_may_fail(instruction)
    if opcode == "compare":
        return FLOAT in (operands[0].type, operands[1].type) and \
            INT in (operands[0].type, operands[1].type)
    if opcode == "unary":
        return instruction.detail == "-" and operands[0].type is INT
    if opcode == "subscript":
        return not isinstance(operands[0].type, TupleType)
    if opcode == "call":
        function = instruction.detail
        if isinstance(function, ListMethod):
            return False        # append: the list grows; nothing fails
        if any(function is safe for safe in _SAFE_BUILTINS):
            return False
        if function is builtins.abs:
            return operands[1].type is INT
        if function is builtins.range:
            # Only a step can be wrong (zero).
            return len(operands) == 4 and not (isinstance(operands[3], Constant)
                                               and operands[3].value != 0)
        return True
    return True


def _binary_may_fail(instruction):
    left, right = instruction.operands
    operator = instruction.detail.rstrip("=")
    if isinstance(instruction.type, ListType):
        return operator == "*"
    if instruction.type is BOOL or operator in ("&", "|", "^"):
        return False
    if instruction.type is FLOAT and operator in ("+", "-", "*"):
        return False
    if isinstance(right, Constant) and operator in ("/", "//", "%"):
        divisor = right.value
        if instruction.type is FLOAT:
            return divisor == 0 or (operator == "/" and left.type is INT)
        return divisor in (0, -1)
    if operator == ">>" and isinstance(right, Constant) and right.value >= 0:
        return False
    return True
