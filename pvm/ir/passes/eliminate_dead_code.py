"""Dead-code elimination: an instruction nothing uses, and that cannot fail (it has no
state: see place_checks) or change anything, is removed; so, in turn, are the values
only it used."""

from pvm.ir.passes.common import remove_instruction, used_values
from pvm.ir.types import ListMethod

_PURE = frozenset(("global", "attribute", "unary", "binary", "compare", "is", "truth",
                   "tuple", "item", "list", "subscript", "iter", "phi", "unpack_check"))


def run(function):
    changed = True
    while changed:
        changed = False
        used = used_values(function)
        for instruction in list(function.instructions()):
            if instruction.state is not None or (id(instruction) in used and
                                                 instruction.opcode != "unpack_check"):
                continue
            if instruction.opcode in _PURE or _pure_call(instruction):
                remove_instruction(instruction)
                changed = True


def _pure_call(instruction):
    # A builtin or math function that cannot fail here has no effect but its value.
    return instruction.opcode == "call" and not hasattr(instruction.detail, "__code__") \
        and not isinstance(instruction.detail, ListMethod)
