"""Loop-invariant code motion: an instruction in a loop whose operands are all made
outside it, and that cannot fail or change anything, is computed once before the loop
(in the block that enters it), not at every turn."""

from pvm.ir.passes.common import dominators

_MOVABLE = frozenset(("global", "attribute", "unary", "binary", "compare", "is", "truth",
                      "tuple", "item"))


def run(function):
    dominating = dominators(function)
    for header, body in _loops(function, dominating):
        outside = [block for block in header.predecessors if block not in body]
        if len(outside) != 1 or len(outside[0].successors) != 1:
            continue        # no single block that only enters the loop
        entering = outside[0]
        changed = True
        while changed:
            changed = False
            for block in function.blocks:
                if block not in body:
                    continue
                for instruction in list(block.instructions):
                    if instruction.opcode in _MOVABLE and instruction.state is None and \
                            all(_defined_outside(operand, body)
                                for operand in instruction.operands):
                        block.instructions.remove(instruction)
                        entering.instructions.insert(len(entering.instructions) - 1,
                                                     instruction)
                        instruction.block = entering
                        changed = True


def _defined_outside(value, body):
    block = getattr(value, "block", None)
    return block is None or block not in body


def _loops(function, dominating):
    """(header, set of blocks) of each natural loop, inner loops first."""
    loops = {}
    for block in function.blocks:
        for successor in block.successors:
            if successor in dominating[block]:          # a back-edge
                body = loops.setdefault(successor, {successor})
                work = [block]
                while work:
                    member = work.pop()
                    if member not in body:
                        body.add(member)
                        work.extend(member.predecessors)
    return sorted(loops.items(), key=lambda item: len(item[1]))
