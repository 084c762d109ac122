"""What the passes share: replacing a value everywhere, and the blocks' order."""

from pvm.ir.nodes import Phi


def replace_everywhere(function, old, new):
    """Every use of ``old`` (operands, phi inputs, states) becomes ``new``."""
    for instruction in function.instructions():
        instruction.replace_uses(old, new)


def remove_instruction(instruction):
    block = instruction.block
    if isinstance(instruction, Phi):
        block.phis.remove(instruction)
    else:
        block.instructions.remove(instruction)


def used_values(function):
    """The ids of the values something uses."""
    used = set()
    for instruction in function.instructions():
        for value in instruction.uses():
            used.add(id(value))
    return used


def remove_edge(source, target):
    """``source`` no longer goes to ``target``."""
    if source in target.predecessors:
        target.predecessors.remove(source)
    for phi in target.phis:
        phi.incoming.pop(source, None)


def remove_unreachable(function):
    reachable = set()
    work = [function.entry]
    while work:
        block = work.pop()
        if block in reachable:
            continue
        reachable.add(block)
        work.extend(block.successors)
    for block in function.blocks:
        if block not in reachable:
            for successor in block.successors:
                remove_edge(block, successor)
    function.blocks = [block for block in function.blocks if block in reachable]


def dominators(function):
    """{block: the set of blocks that dominate it}."""
    blocks = function.blocks
    everything = set(blocks)
    found = {block: set(everything) for block in blocks}
    found[function.entry] = {function.entry}
    changed = True
    while changed:
        changed = False
        for block in blocks[1:]:
            predecessors = [found[predecessor] for predecessor in block.predecessors
                            if predecessor in found]
            new = set.intersection(*predecessors) if predecessors else set()
            new = new | {block}
            if new != found[block]:
                found[block] = new
                changed = True
    return found
