"""The assembler: a unit's block graph to an immutable ``pvm.Code``.

Passes, in order:

1. stack depth: walk the graph from the entry, recording each block's entry
   depth; the largest depth seen is ``co_stacksize``.  A SETUP_* pseudo
   instruction is an edge to its handler, with the exception (and the
   failing offset) pushed.
2. exception targets: walk again with the stack of active handlers, so that
   every instruction knows where an exception raised by it goes; the
   pseudo instructions become NOPs.
3. line numbers: an artificial instruction takes the position of the one run before
   it (see _propagate_positions).
4. layout: NOPs dropped (but those that alone carry a line), instruction indexes
   assigned, jump targets resolved.
5. the exception table: one entry per run of instructions with the same handler.
"""

from pvm import opcodes as op
from pvm.code import CO_NESTED, Code, MAX_OPERAND, encode_instructions
from pvm.compiler.blocks import Block, Handler


def assemble(unit):
    blocks = unit.graph.blocks
    entry = blocks[0]
    max_depth = _compute_stack_depths(entry)
    _label_exception_targets(entry)
    reachable = [block for block in blocks if block.reachable]
    if unit.kind in ("function", "lambda", "comprehension"):
        _drop_needless_unbound_checks(reachable, unit)
    reachable = _duplicate_exits_without_line(reachable)
    _propagate_positions(reachable, unit.firstlineno)
    instructions = _lay_out(reachable)
    pairs = []
    positions = []
    for instruction in instructions:
        operand = instruction.operand
        if instruction.is_jump:
            operand = operand.index
        if not 0 <= operand <= MAX_OPERAND:
            raise SystemError("operand out of range: %r" % instruction)
        pairs.append((instruction.opcode, operand))
        positions.append(instruction.position)
    # No CO_NOFREE: CPython 3.11 no longer sets it, and programs read co_flags.
    flags = unit.flags
    if unit.scope.is_nested and unit.kind != "module":
        flags |= CO_NESTED
    return Code(
        argcount=unit.argcount, posonlyargcount=unit.posonlyargcount,
        kwonlyargcount=unit.kwonlyargcount, stacksize=max_depth, flags=flags,
        code=encode_instructions(pairs), consts=unit.consts, names=unit.names,
        varnames=unit.varnames, cellvars=unit.cellvars, freevars=unit.freevars,
        filename=unit.filename, name=unit.name, qualname=unit.qualname,
        firstlineno=unit.firstlineno, positions=positions,
        exceptiontable=_exception_table(instructions))


def _compute_stack_depths(entry):
    max_depth = 0
    entry.entry_depth = 0
    entry.reachable = True
    pending = [entry]

    def reach(block, depth):
        if block.entry_depth is None:
            block.entry_depth = depth
            block.reachable = True
            pending.append(block)
        elif block.entry_depth != depth:
            raise SystemError("inconsistent stack depth at block %d: %d != %d"
                              % (block.label, block.entry_depth, depth))

    while pending:
        block = pending.pop()
        depth = block.entry_depth
        falls_through = True
        for instruction in block.instructions:
            spec = op.OPCODES[instruction.opcode]
            if spec.jumps:
                pops, pushes = spec.stack_effect(instruction.operand, jump=True)
                target_depth = depth - pops + pushes
                max_depth = max(max_depth, target_depth)
                reach(instruction.operand, target_depth)
            pops, pushes = spec.stack_effect(instruction.operand)
            if depth < pops:
                raise SystemError("stack underflow at %r in block %d" % (instruction, block.label))
            depth = depth - pops + pushes
            max_depth = max(max_depth, depth)
            if spec.ends_block:
                falls_through = False
                break
        if falls_through and block.next is not None:
            reach(block.next, depth)
    return max_depth


def _label_exception_targets(entry):
    """Give each instruction its handler; turn SETUP_* and POP_BLOCK into NOPs."""
    stacks = {entry: ()}
    pending = [entry]
    while pending:
        block = pending.pop()
        handlers = stacks[block]
        for instruction in block.instructions:
            opcode = instruction.opcode
            if opcode in op.SETUP_OPCODES:
                target = instruction.operand
                preserves_offset = opcode != op.SETUP_FINALLY
                depth = target.entry_depth - 1 - preserves_offset
                if target not in stacks:
                    stacks[target] = handlers
                    pending.append(target)
                # The NOP left in its place may stay for its line: outside the range.
                instruction.handler = handlers[-1] if handlers else None
                handlers = handlers + (Handler(target, depth, preserves_offset),)
                instruction.opcode, instruction.operand = op.NOP, 0
                continue
            if opcode == op.POP_BLOCK:
                handlers = handlers[:-1]
                instruction.handler = handlers[-1] if handlers else None
                instruction.opcode = op.NOP
                continue
            instruction.handler = handlers[-1] if handlers else None
            if instruction.is_jump and instruction.operand not in stacks:
                stacks[instruction.operand] = handlers
                pending.append(instruction.operand)
        if block.falls_through() and block.next is not None and block.next not in stacks:
            stacks[block.next] = handlers
            pending.append(block.next)


def _drop_needless_unbound_checks(blocks, unit):
    """LOAD_FAST_CHECK becomes LOAD_FAST where the local is bound on every path to it.

    A forward data-flow pass over bit sets of "surely bound" locals: a block
    starts with the intersection of what its predecessors end with (an
    exception handler with the intersection over every instruction it
    protects), STORE_FAST binds and DELETE_FAST unbinds.
    """
    all_bound = (1 << len(unit.varnames)) - 1
    entry_bits = {block: all_bound for block in blocks}
    parameters = unit.argcount + unit.kwonlyargcount
    if unit.flags & 0x4:
        parameters += 1
    if unit.flags & 0x8:
        parameters += 1
    entry_bits[blocks[0]] = (1 << parameters) - 1
    changed = True
    while changed:
        changed = False
        for block in blocks:
            bits = entry_bits[block]
            for instruction in block.instructions:
                handler = instruction.handler
                if handler is not None:
                    target = handler.block
                    merged = entry_bits[target] & bits
                    if merged != entry_bits[target]:
                        entry_bits[target] = merged
                        changed = True
                opcode = instruction.opcode
                if opcode == op.STORE_FAST:
                    bits |= 1 << instruction.operand
                elif opcode == op.DELETE_FAST:
                    bits &= ~(1 << instruction.operand)
                if instruction.is_jump:
                    target = instruction.operand
                    merged = entry_bits[target] & bits
                    if merged != entry_bits[target]:
                        entry_bits[target] = merged
                        changed = True
            if block.falls_through() and block.next is not None and block.next in entry_bits:
                merged = entry_bits[block.next] & bits
                if merged != entry_bits[block.next]:
                    entry_bits[block.next] = merged
                    changed = True
    for block in blocks:
        bits = entry_bits[block]
        for instruction in block.instructions:
            opcode = instruction.opcode
            if opcode == op.LOAD_FAST_CHECK and bits >> instruction.operand & 1:
                instruction.opcode = op.LOAD_FAST
            elif opcode == op.STORE_FAST:
                bits |= 1 << instruction.operand
            elif opcode == op.DELETE_FAST:
                bits &= ~(1 << instruction.operand)


def _is_exit_without_line(block):
    return block.exits_scope() and all(instruction.position[0] is None
                                       for instruction in block.instructions)


def _duplicate_exits_without_line(blocks):
    """Give each jump to an artificial exit (the ``return None`` a function falls
    into) its own copy, as CPython does, so that the exit has the line of the place
    it was reached from: a trace function's 'return' names that line."""
    entries = {}
    for block in blocks:
        if not block.instructions:
            continue
        if block.falls_through():
            following = _first_with_instructions(block.next)
            entries[following] = entries.get(following, 0) + 1
        for instruction in block.instructions:
            if instruction.is_jump:
                target = _first_with_instructions(instruction.operand)
                entries[target] = entries.get(target, 0) + 1
    copies = {}         # exit block -> its copies, laid out right after it
    for block in blocks:
        last = block.last
        if last is None or not last.is_jump:
            continue
        target = _first_with_instructions(last.operand)
        if target is not None and _is_exit_without_line(target) and entries[target] > 1:
            copy = _copy_block(target)
            copy.instructions[0].position = last.position
            last.operand = copy
            entries[target] -= 1
            copies.setdefault(target, []).append(copy)
    result = []
    for block in blocks:
        result.append(block)
        result.extend(copies.get(block, ()))
    for previous, following in zip(result, result[1:]):
        previous.next = following
    result[-1].next = None
    return result


def _first_with_instructions(block):
    while block is not None and not block.instructions:
        block = block.next
    return block


def _copy_block(block):
    copy = Block(block.label)
    copy.entry_depth = block.entry_depth
    copy.reachable = True
    copy.instructions = [instruction.copy() for instruction in block.instructions]
    return copy


def _propagate_positions(blocks, firstlineno):
    """Give each artificial instruction the position of the one run before it.

    Within a block that is the one before it; a block entered only from one place
    (a fall-through or a jump, as CPython decides) takes the position that place
    ends with, so the re-raise after an unmatched ``except`` clause has that
    clause's line, not the line of whatever was laid out before it.  A block entered
    only by an exception, or from several places, has no position until its own
    first one, except an exit (``return None``), which takes the last position laid
    out before it.
    """
    predecessors = {}
    for block in blocks:
        if block.falls_through() and block.next is not None:
            predecessors[block.next] = predecessors.get(block.next, 0) + 1
        for instruction in block.instructions:
            if instruction.is_jump:
                predecessors[instruction.operand] = predecessors.get(instruction.operand, 0) + 1
    inherited = {}
    # The last position laid out that is a line's (blocks without one are skipped).
    last_known = (firstlineno, firstlineno, None, None)
    for number, block in enumerate(blocks):
        exit_without_line = _is_exit_without_line(block)
        if number and predecessors.get(block, 0) != 1 and not exit_without_line:
            # Entered only by an exception (a handler, its cleanup) or from several
            # places: no line until one of its own, as in CPython, so a trace function
            # sees no line event there.  (An exit takes the last line laid out.)
            previous = (None, None, None, None)
        else:
            previous = last_known
        previous = inherited.get(block, previous)
        if previous[0] is None and exit_without_line:
            previous = last_known
        for instruction in block.instructions:
            if instruction.position[0] is None:
                # An artificial NOP stays without a line, to be dropped (see _lay_out).
                if instruction.opcode != op.NOP:
                    instruction.position = previous
            else:
                previous = last_known = instruction.position
            if instruction.is_jump and predecessors[instruction.operand] == 1:
                inherited[instruction.operand] = previous
        if block.falls_through() and predecessors.get(block.next) == 1:
            inherited[block.next] = previous


def _lay_out(blocks):
    instructions = []
    for block_number, block in enumerate(blocks):
        block.index = len(instructions)
        last_line = None
        for position, instruction in enumerate(block.instructions):
            line = instruction.position[0]
            if instruction.opcode == op.NOP and not _nop_keeps_a_line(
                    blocks, block_number, position, line, last_line):
                continue
            instructions.append(instruction)
            last_line = line
    if not instructions:
        raise SystemError("empty code")
    return instructions


def _nop_keeps_a_line(blocks, block_number, position, line, last_line):
    """Whether a NOP stays, as CPython keeps one: for a line (a ``pass``, a ``try:``)
    that no instruction next to it in its block, nor the next block's first, has;
    a trace function then sees that line run."""
    if line is None or line == last_line:
        return False
    instructions = blocks[block_number].instructions
    if position + 1 < len(instructions):
        return instructions[position + 1].position[0] != line
    for block in blocks[block_number + 1:]:
        if block.instructions:
            return block.instructions[0].position[0] != line
    return True


def _exception_table(instructions):
    table = []
    start = 0
    current = None
    for index, instruction in enumerate(instructions + [None]):
        handler = instruction.handler if instruction is not None else None
        if handler is current or (handler is not None and handler.same_as(current)):
            continue
        if current is not None:
            table.append((start, index, current.block.index, current.depth,
                          int(current.preserves_offset)))
        current = handler
        start = index
    return table
