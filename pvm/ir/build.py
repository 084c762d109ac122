"""pvm bytecode to SSA form.

The bytecode's basic blocks become the function's blocks; the stack machine is run
abstractly over each block, so a value pushed is a value, and an instruction's inputs
are the values it pops.  Fast locals and the stack slots live across blocks are
*variables*, turned into SSA values by the algorithm of Braun et al., "Simple and
Efficient Construction of Static Single Assignment Form" (CC 2013): a block reads a
variable from its own last store, else from its predecessors, placing a phi where they
meet and removing the phis that turn out to have one value.  Blocks are filled in
reverse postorder; a block is sealed (its predecessors all known to have been filled)
as soon as that holds, and a loop's header then gets the operands of the phis it was
given while its back-edge was still unfilled.

What is built is what the bytecode says, whatever the types: the passes (types, folding,
...) decide what can be compiled.  Code outside what this form can say raises
``Unsupported``: exception handlers (their edges are not blocks here), generators and
coroutines, cells.
"""

from pvm import opcodes
from pvm.ir.nodes import (UNDEFINED, Argument, Block, Constant, Function, Instruction, Phi,
                          State)

# co_flags bits of code that suspends (generator, coroutine, async generator).
_SUSPENDING_FLAGS = 0x20 | 0x80 | 0x100 | 0x200


class Unsupported(Exception):
    """The code cannot be put in SSA form; ``index`` is the instruction, or None."""

    def __init__(self, reason, index=None):
        super().__init__(reason)
        self.reason = reason
        self.index = index


class _NullSlot(Constant):
    """What LOAD_METHOD pushes under the callable (CALL_METHOD's empty ``self``)."""

    def name(self):
        return "null"


NULL_SLOT = _NullSlot(None)

_OP = opcodes.BY_NAME


def _number(name):
    return _OP[name].number


_UNARY = {_number("UNARY_NEGATIVE"): "-", _number("UNARY_POSITIVE"): "+",
          _number("UNARY_INVERT"): "~", _number("UNARY_NOT"): "not"}
_CONDITIONAL_JUMPS = {_number("POP_JUMP_IF_FALSE"), _number("POP_JUMP_IF_TRUE"),
                      _number("POP_JUMP_IF_NONE"), _number("POP_JUMP_IF_NOT_NONE"),
                      _number("JUMP_IF_FALSE_OR_POP"), _number("JUMP_IF_TRUE_OR_POP")}
# Instructions that cannot fail: nothing for tier 0 to go on from.
_CANNOT_FAIL = {_number(name) for name in ("NOP", "POP_TOP", "COPY", "SWAP", "LOAD_CONST",
                                           "LOAD_FAST", "STORE_FAST", "JUMP", "RETURN_VALUE",
                                           "BUILD_TUPLE")}


def build(code):
    """The SSA form of the pvm code object ``code``."""
    if code.co_flags & _SUSPENDING_FLAGS:
        raise Unsupported("a generator or coroutine")
    if code.co_exceptiontable:
        raise Unsupported("exception handlers")
    if code.co_cellvars or code.co_freevars:
        raise Unsupported("cells (a closure, or a variable a closure reads)")
    return _Builder(code).build()


class _Builder:
    def __init__(self, code):
        self.code = code
        self.pairs = code.instructions()
        self.local_count = len(code.co_varnames)
        self.ends = {}              # block -> the index after its last instruction
        self.block_at = {}          # bytecode index -> the block starting there
        self.definitions = {}       # variable -> {block: value}
        self.incomplete = {}        # block -> {variable: phi}
        self.sealed = set()
        self.filled = set()
        self.replaced = {}          # a phi found trivial -> the value it stands for
        # FOR_ITER's body block -> (the iterator, FOR_ITER's state): the body starts by
        # taking the item FOR_ITER got.
        self.next_items = {}
        # The stack while a block is filled, and the state made for its instruction.
        self.stack = []
        self.state = None

    # -- the blocks ---------------------------------------------------------------------

    def build(self):
        blocks = self._blocks()
        depths = self._entry_depths(blocks)
        order = self._reverse_postorder(blocks[0])
        reachable = set(order)
        for block in blocks:
            block.predecessors = [predecessor for predecessor in block.predecessors
                                  if predecessor in reachable]
        arguments = self._arguments()
        entry = blocks[0]
        for argument in arguments:
            self._write(("local", argument.index), entry, argument)
        for index in range(len(arguments), self.local_count):
            self._write(("local", index), entry, UNDEFINED)
        self._seal_ready(order)
        for block in order:
            self._fill(block, depths[block])
            self.filled.add(block)
            self._seal_ready(order)
        kept = [block for block in blocks if block in reachable]
        self._rewrite_uses(kept)
        return Function(self.code, arguments, kept)

    def _arguments(self):
        code = self.code
        count = code.co_argcount + code.co_kwonlyargcount
        if code.co_flags & 0x04:    # *args
            count += 1
        if code.co_flags & 0x08:    # **kwargs
            count += 1
        return [Argument(index, code.co_varnames[index]) for index in range(count)]

    def _blocks(self):
        pairs = self.pairs
        starts = opcodes.block_starts(pairs)
        blocks = [Block("b%d" % start, start) for start in starts]
        self.block_at = {block.start: block for block in blocks}
        for block, end in zip(blocks, starts[1:] + [len(pairs)]):
            self.ends[block] = end
        for block in blocks:
            for successor in self._successors(block):
                if block not in successor.predecessors:
                    successor.predecessors.append(block)
        return blocks

    def _successors(self, block):
        end = self.ends[block]
        opcode, operand = self.pairs[end - 1]
        successors = []
        if opcode not in opcodes.ENDS_BLOCK and end < len(self.pairs):
            successors.append(self.block_at[end])
        if opcode in opcodes.HAS_JUMP:
            successors.append(self.block_at[operand])
        return successors

    def _entry_depths(self, blocks):
        """{block: the stack's depth where it starts}, the same from every predecessor."""
        depths = {blocks[0]: 0}
        work = [blocks[0]]
        while work:
            block = work.pop()
            depth = depths[block]
            end = self.ends[block]
            for index in range(block.start, end):
                opcode, operand = self.pairs[index]
                spec = opcodes.OPCODES[opcode]
                if opcode in opcodes.HAS_JUMP:
                    pops, pushes = spec.stack_effect(operand, jump=True)
                    target = self.block_at[operand]
                    if target not in depths:
                        depths[target] = depth - pops + pushes
                        work.append(target)
                pops, pushes = spec.stack_effect(operand)
                depth += pushes - pops
            if self.pairs[end - 1][0] not in opcodes.ENDS_BLOCK and end < len(self.pairs):
                following = self.block_at[end]
                if following not in depths:
                    depths[following] = depth
                    work.append(following)
        return depths

    def _reverse_postorder(self, entry):
        seen, order = {entry}, []
        # Iteratively: a deep chain of blocks must not exhaust the host's stack.
        work = [(entry, iter(self._successors(entry)))]
        while work:
            block, successors = work[-1]
            for successor in successors:
                if successor not in seen:
                    seen.add(successor)
                    work.append((successor, iter(self._successors(successor))))
                    break
            else:
                work.pop()
                order.append(block)
        order.reverse()
        return order

    # -- variables (Braun et al.) ---------------------------------------------------------

    def _write(self, variable, block, value):
        self.definitions.setdefault(variable, {})[block] = value

    def _read(self, variable, block):
        found = self.definitions.get(variable, {}).get(block)
        if found is not None:
            return self._resolved(found)
        if block not in self.sealed:
            phi = Phi(block, variable)
            block.phis.append(phi)
            self.incomplete.setdefault(block, {})[variable] = phi
            value = phi
        elif len(block.predecessors) == 1:
            value = self._read(variable, block.predecessors[0])
        elif not block.predecessors:
            value = UNDEFINED
        else:
            phi = Phi(block, variable)
            block.phis.append(phi)
            self._write(variable, block, phi)
            value = self._add_phi_operands(phi)
        self._write(variable, block, value)
        return value

    def _resolved(self, value):
        """What ``value`` stands for now: a phi found trivial stands for its value."""
        replaced = self.replaced
        while value in replaced:
            value = replaced[value]
        return value

    def _add_phi_operands(self, phi):
        for predecessor in phi.block.predecessors:
            phi.incoming[predecessor] = self._read(phi.variable, predecessor)
        return self._remove_if_trivial(phi)

    def _remove_if_trivial(self, phi):
        """``phi`` itself, or, if it has one value besides itself, that value, which it
        stands for from now on (uses are rewritten once the form is built)."""
        same = None
        for value in phi.incoming.values():
            value = self._resolved(value)
            if value is same or value is phi:
                continue
            if same is not None:
                return phi
            same = value
        if same is None:
            same = UNDEFINED
        phi.block.phis.remove(phi)
        self.replaced[phi] = same
        return same

    def _rewrite_uses(self, blocks):
        """Every use of a phi found trivial becomes its value; then phis made trivial by
        that go too, until none is."""
        while True:
            for block in blocks:
                for phi in block.phis:
                    for source, value in phi.incoming.items():
                        phi.incoming[source] = self._resolved(value)
                for instruction in block.instructions:
                    instruction.operands = [self._resolved(value)
                                            for value in instruction.operands]
                    state = instruction.state
                    if state is not None:
                        state.locals = [self._resolved(value) for value in state.locals]
                        state.stack = [self._resolved(value) for value in state.stack]
            trivial = [phi for block in blocks for phi in list(block.phis)
                       if self._remove_if_trivial(phi) is not phi]
            if not trivial:
                return

    def _seal_ready(self, order):
        """Seal each block whose predecessors are all filled."""
        for block in order:
            if block in self.sealed:
                continue
            if not all(predecessor in self.filled for predecessor in block.predecessors):
                continue
            self.sealed.add(block)
            for phi in list(self.incomplete.pop(block, {}).values()):
                if isinstance(phi, Phi) and phi in phi.block.phis:
                    self._add_phi_operands(phi)

    # -- one block ---------------------------------------------------------------------

    def _fill(self, block, depth):
        stack = self.stack = []
        taken = self.next_items.get(block)
        for slot in range(depth - 1 if taken else depth):
            stack.append(self._read(("stack", slot), block))
        if taken is not None:
            iterator, state = taken
            stack.append(block.append(Instruction("iter_next", (iterator,), None,
                                                  state.index, state)))
        end = self.ends[block]
        for index in range(block.start, end):
            opcode, operand = self.pairs[index]
            self.state = None
            if opcode not in _CANNOT_FAIL:
                self.state = State(index, [self._read(("local", local), block)
                                           for local in range(self.local_count)], list(stack))
            self._instruction(block, index, opcode, operand, self.state)
        self.state = None
        if not block.instructions or not block.instructions[-1].is_terminator:
            # Falls through into the next block: say so.
            block.append(Instruction("jump", (), (self.block_at[end],)))
        # What a conditional jump keeps on the stack when taken (JUMP_IF_FALSE_OR_POP)
        # is still in ``stack``: the block not taken starts lower and never reads it.
        for slot, value in enumerate(stack):
            self._write(("stack", slot), block, value)
        self.stack = []

    def _instruction(self, block, index, opcode, operand, state):
        code = self.code
        stack = self.stack
        name = opcodes.OPCODES[opcode].name

        def emit(kind, operands=(), detail=None):
            return block.append(Instruction(kind, operands, detail, index, state))

        def pop(count):
            values = stack[len(stack) - count:] if count else []
            del stack[len(stack) - count:]
            return values

        if name == "NOP":
            pass
        elif name == "POP_TOP":
            stack.pop()
        elif name == "COPY":
            stack.append(stack[-operand])
        elif name == "SWAP":
            stack[-1], stack[-operand] = stack[-operand], stack[-1]
        elif name == "LOAD_CONST":
            stack.append(Constant(code.co_consts[operand]))
        elif name in ("LOAD_FAST", "LOAD_FAST_CHECK"):
            stack.append(self._read(("local", operand), block))
        elif name == "STORE_FAST":
            self._write(("local", operand), block, stack.pop())
        elif name == "LOAD_GLOBAL":
            stack.append(emit("global", (), code.co_names[operand]))
        elif name == "LOAD_ATTR":
            stack.append(emit("attribute", pop(1), code.co_names[operand]))
        elif name == "LOAD_METHOD":
            stack.append(emit("attribute", pop(1), code.co_names[operand]))
            stack.append(NULL_SLOT)
        elif opcode in _UNARY:
            stack.append(emit("unary", pop(1), _UNARY[opcode]))
        elif name == "BINARY_OP":
            stack.append(emit("binary", pop(2), opcodes.BINARY_OPERATOR_SYMBOLS[operand]))
        elif name == "COMPARE_OP":
            stack.append(emit("compare", pop(2), opcodes.COMPARE_OPERATORS[operand]))
        elif name == "IS_OP":
            stack.append(emit("is", pop(2), "is not" if operand else "is"))
        elif name == "BINARY_SUBSCR":
            stack.append(emit("subscript", pop(2)))
        elif name == "STORE_SUBSCR":
            value, container, key = pop(3)
            emit("store_subscript", (container, key, value))
        elif name in ("BUILD_TUPLE", "BUILD_LIST"):
            stack.append(emit("tuple" if name == "BUILD_TUPLE" else "list", pop(operand)))
        elif name == "UNPACK_SEQUENCE":
            sequence = stack.pop()
            emit("unpack_check", (sequence,), operand)
            for position in reversed(range(operand)):
                stack.append(emit("item", (sequence,), position))
        elif name in ("CALL", "CALL_METHOD"):
            arguments = pop(operand)
            if name == "CALL_METHOD" and stack.pop() is not NULL_SLOT:
                raise Unsupported("CALL_METHOD without LOAD_METHOD's empty self", index)
            stack.append(emit("call", pop(1) + arguments))
        elif name == "GET_ITER":
            stack.append(emit("iter", pop(1)))
        elif name == "FOR_ITER":
            following = self.block_at[index + 1]
            if following.predecessors != [block]:
                raise Unsupported("a loop body reached other than from its FOR_ITER", index)
            emit("for_iter", (stack[-1],), (following, self.block_at[operand]))
            self.next_items[following] = (stack[-1], state)
        elif name == "JUMP":
            emit("jump", (), (self.block_at[operand],))
        elif opcode in _CONDITIONAL_JUMPS:
            self._conditional(index, name, operand, emit)
        elif name == "RETURN_VALUE":
            emit("return", pop(1))
        elif name == "RAISE_VARARGS":
            emit("raise", pop(operand))
        else:
            spec = opcodes.OPCODES[opcode]
            if spec.jumps or spec.ends_block:
                raise Unsupported("%s changes control in a way this form cannot say" % name,
                                  index)
            pops, pushes = spec.stack_effect(operand)
            result = emit("opaque", pop(pops), (name, operand))
            for position in range(pushes):
                stack.append(result if pushes == 1 else emit("item", (result,), position))

    def _conditional(self, index, name, target, emit):
        stack = self.stack
        taken = self.block_at[target]
        following = self.block_at[index + 1]
        if name in ("JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP"):
            # Left on the stack: the block taken reads it, the other starts below it.
            condition = emit("truth", (stack[-1],))
        elif name in ("POP_JUMP_IF_NONE", "POP_JUMP_IF_NOT_NONE"):
            condition = emit("is", (stack.pop(), Constant(None)), "is")
        else:
            condition = emit("truth", (stack.pop(),))
        if name in ("POP_JUMP_IF_TRUE", "JUMP_IF_TRUE_OR_POP", "POP_JUMP_IF_NONE"):
            emit("branch", (condition,), (taken, following))
        else:
            emit("branch", (condition,), (following, taken))
