"""Typed SSA form to LLVM IR (with llvmlite's IR builder).

Every compiled function has one shape:

    {i32, i64} NAME(i64* state, i64 depth, ARGUMENTS..., i64* result)

It returns 0 with its value (pvm.tier2.words): a value of one word in the second field
(in a register: a recursive function's calls pass no memory), one of more words written
in ``result``; or 1 if
it left at an *exit*: a check failed (an int past 64 bits, a division by zero, a math
domain error, an index out of range, the recursion limit) and the guest's frame there
is appended to ``state`` as a record (the exit's number, then its words), for tier 0 to
go on from that instruction (which it runs again, and which then does what Python
does: a big int, an exception).  ``state[0]`` is where the next record goes.  A caller
whose callee left appends its own frame, waiting at the call, and leaves too: the
records are the frames of the machine-code calls, innermost first, and tier 0 goes on
with all of them.  The exits are made by the instructions that may fail; the rest
cannot, and have none.

A scalar is an LLVM scalar (int: i64, float: double, bool: i1).  A tuple is its items,
each lowered (a Python tuple of LLVM values, so it costs nothing); a range is its
three ints; a range iterator keeps its next value in a stack slot; a list is a pointer
to a native list (pvm.tier2.lists); a ``Known`` object is nothing at all.

Floats follow IEEE arithmetic with no fast-math flags, so results are CPython's bit for
bit; the math functions are the C library's, which CPython's math module calls too.
"""

import weakref

from llvmlite import ir

from pvm import opcodes
from pvm.ir.nodes import UNDEFINED, Constant
from pvm.ir.types import (BOOL, FLOAT, INT, NONE, RANGE, RANGE_ITERATOR, Known,
                          ListIteratorType, ListMethod, ListType, TupleType)
from pvm.tier2 import lists, words

I1 = ir.IntType(1)
I8 = ir.IntType(8)
I32 = ir.IntType(32)
I64 = ir.IntType(64)
DOUBLE = ir.DoubleType()
WORDS = I64.as_pointer()

INT_MIN = -(1 << 63)
# Ints whose conversion to a float is exact: CPython compares and divides them so.
EXACT_FLOAT_LIMIT = 1 << 53


class Unlowerable(Exception):
    pass


def llvm_type(value_type):
    if value_type is INT:
        return I64
    if value_type is FLOAT:
        return DOUBLE
    if value_type is BOOL:
        return I1
    if isinstance(value_type, ListType):
        return lists.LIST_POINTER
    raise Unlowerable("no machine form for %s" % value_type)


def parameter_types(value_type):
    """The LLVM parameters a value of ``value_type`` is passed as."""
    if value_type is NONE or isinstance(value_type, (Known, ListMethod)):
        return []
    if isinstance(value_type, TupleType):
        return [part for item in value_type.items for part in parameter_types(item)]
    if value_type is RANGE:
        return [I64, I64, I64]
    return [llvm_type(value_type)]


# What a compiled function returns: its status, and its value if that is one word.
RETURNED = ir.LiteralStructType([I32, I64])


def returned(builder, status, word=None):
    value = builder.insert_value(ir.Constant(RETURNED, ir.Undefined), ir.Constant(I32, status), 0)
    return builder.insert_value(value, word if word is not None else ir.Constant(I64, 0), 1)


def function_type(argument_types):
    parameters = [WORDS, I64]
    for argument_type in argument_types:
        parameters.extend(parameter_types(argument_type))
    parameters.append(WORDS)
    return ir.FunctionType(RETURNED, parameters)


class Exit:
    """Where a compiled function may leave to tier 0: the frame of ``function`` (a weak
    reference: see _slot_description) at the instruction ``index``, to run again there
    or, ``waiting``, to go on after it (a call, whose callee left too) with the callee's
    value; why it may (``reason``); and how the record's words say the guest's locals
    and stack there."""

    def __init__(self, number, function, index, waiting, slots, reason):
        self.number = number
        self.function = function
        self.index = index
        self.waiting = waiting
        # [(kind, position, type, how, may_be_unbound)]: see _slot_description.
        self.slots = slots
        self.reason = reason


class Lowering:
    """One function of the SSA form, for one signature, into ``module``."""

    def __init__(self, module, function, signature, llvm_function, callees, function_object,
                 exit_numbers):
        self.module = module
        self.function = function
        self.function_object = function_object
        self.exit_numbers = exit_numbers        # () -> the module's next exit number
        self.signature = signature
        self.llvm_function = llvm_function
        # callees(function object, argument types) -> (LLVM function, return type)
        self.callees = callees
        self.values = {}
        self.bound = {}              # phi that may be unbound -> its i1 "bound" phi
        self.exits = []
        self.blocks = {}
        self.last_block = {}         # IR block -> the LLVM block its terminator is in
        self.iterators = {}          # iter instruction -> its slots
        self.state_words = 0

    def lower(self):
        function = self.function
        entry = self.llvm_function.append_basic_block("entry")
        for block in function.blocks:
            self.blocks[block] = self.llvm_function.append_basic_block(block.label)
        builder = self.builder = ir.IRBuilder(entry)
        self.state_pointer, self.depth = self.llvm_function.args[:2]
        self.result_pointer = self.llvm_function.args[-1]
        parameters = iter(self.llvm_function.args[2:-1])
        for argument in function.arguments:
            self.values[argument] = self._take_parameters(argument.type, parameters)
        self.may_be_unbound = _maybe_unbound_phis(function)
        # Iterators keep their position in a slot made at entry (made SSA again by LLVM).
        for instruction in function.instructions():
            if instruction.opcode == "iter":
                self.iterators[instruction] = builder.alloca(I64, name="position")
        builder.branch(self.blocks[function.blocks[0]])
        for block in function.blocks:
            builder.position_at_end(self.blocks[block])
            for phi in block.phis:
                self._make_phi(phi)
            for instruction in block.instructions:
                self._instruction(instruction)
        for block in function.blocks:
            for phi in block.phis:
                self._fill_phi(phi)
        return self.exits

    def entry_alloca(self, llvm_type, count=1):
        """Stack room made once, in the entry block (an alloca elsewhere is made at
        each pass and keeps LLVM from turning it into registers)."""
        builder = self.builder
        here = builder.block
        builder.position_at_start(self.llvm_function.entry_basic_block)
        room = builder.alloca(llvm_type, count)
        builder.position_at_end(here)
        return room

    # -- values ---------------------------------------------------------------------------

    def _take_parameters(self, value_type, parameters):
        if value_type is NONE or isinstance(value_type, Known):
            return None
        if isinstance(value_type, TupleType):
            return tuple(self._take_parameters(item, parameters) for item in value_type.items)
        if value_type is RANGE:
            return (next(parameters), next(parameters), next(parameters))
        return next(parameters)

    def value(self, value, as_type=None):
        """The LLVM form of an SSA value; ``as_type`` converts a number (bool to int or
        float, int to float) as Python's arithmetic does."""
        if isinstance(value, Constant):
            lowered = self._constant(value.value, value.type)
        elif value is UNDEFINED:
            raise Unlowerable("an unbound local is read")
        else:
            lowered = self.values[value]
        if as_type is not None and as_type is not value.type:
            lowered = self.convert(lowered, value.type, as_type)
        return lowered

    def _constant(self, python_value, value_type):
        if value_type is BOOL:
            return ir.Constant(I1, int(python_value))
        if value_type is INT:
            return ir.Constant(I64, python_value)
        if value_type is FLOAT:
            return ir.Constant(DOUBLE, python_value)
        if isinstance(value_type, TupleType):
            return tuple(self._constant(item, item_type)
                         for item, item_type in zip(python_value, value_type.items))
        return None

    def convert(self, lowered, from_type, to_type):
        builder = self.builder
        if from_type is to_type:
            return lowered
        if from_type is BOOL and to_type is INT:
            return builder.zext(lowered, I64)
        if from_type is BOOL and to_type is FLOAT:
            return builder.uitofp(lowered, DOUBLE)
        if from_type is INT and to_type is FLOAT:
            return builder.sitofp(lowered, DOUBLE)
        raise Unlowerable("no conversion of %s to %s" % (from_type, to_type))

    def _make_phi(self, phi):
        if isinstance(phi.type, Known) or phi.type is NONE:
            self.values[phi] = None
            return
        if isinstance(phi.type, TupleType):
            raise Unlowerable("a tuple merged where paths meet")
        self.values[phi] = self.builder.phi(llvm_type(phi.type), name=_local_name(phi,
                                                                                 self.function))
        if phi in self.may_be_unbound:
            self.bound[phi] = self.builder.phi(I1, name="bound")

    def _fill_phi(self, phi):
        lowered = self.values[phi]
        if lowered is None:
            return
        for source, value in phi.incoming.items():
            block = self.last_block[source]
            if value is UNDEFINED:
                lowered.add_incoming(ir.Constant(lowered.type, 0 if lowered.type != DOUBLE
                                                 else 0.0), block)
            else:
                lowered.add_incoming(self._incoming(value, phi.type, block), block)
            if phi in self.bound:
                if value is UNDEFINED:
                    flag = ir.Constant(I1, 0)
                elif value in self.bound:
                    flag = self.bound[value]
                else:
                    flag = ir.Constant(I1, 1)
                self.bound[phi].add_incoming(flag, block)

    def _incoming(self, value, phi_type, block):
        if isinstance(value, Constant):
            return self._constant(value.value, phi_type)
        return self.values[value]

    # -- exits ----------------------------------------------------------------------------

    def check(self, failed, instruction, waiting=False):
        """Leave to tier 0 at ``instruction`` where the i1 ``failed`` holds (``waiting``:
        after it, a call whose callee left); nothing for an instruction that check
        placement found cannot fail (it has no state)."""
        if instruction.state is None:
            return
        builder = self.builder
        exit_block = self._exit_block(instruction, waiting)
        going_on = self.llvm_function.append_basic_block("ok")
        builder.cbranch(failed, exit_block, going_on)
        builder.position_at_end(going_on)

    def _exit_block(self, instruction, waiting):
        state = instruction.state
        here = self.builder.block
        number = self.exit_numbers()
        block = self.llvm_function.append_basic_block("exit%d" % number)
        builder = self.builder
        builder.position_at_end(block)
        start = builder.load(self.state_pointer)
        self.record_start = start
        self._store_word(ir.Constant(I64, number), 0)
        slots = []
        position = 1
        stack = state.stack
        if waiting:
            # Waiting at the call: the callee and its arguments have left the stack.
            opcode, operand = self.function.code.instructions()[state.index]
            stack = stack[:len(stack) - opcodes.OPCODES[opcode].stack_effect(operand)[0]]
        for kind, items in (("local", state.locals), ("stack", stack)):
            for index, value in enumerate(items):
                if value is UNDEFINED:
                    continue
                unbound_flag = self.bound.get(value)
                if unbound_flag is not None:
                    self._store_word(self.builder.zext(unbound_flag, I64), position)
                    position += 1
                position = self._store_value(value, position)
                slots.append((kind, index) + _slot_description(value) +
                             (unbound_flag is not None,))
        self.state_words = max(self.state_words, position)
        builder.store(builder.add(start, ir.Constant(I64, position)), self.state_pointer)
        self.exits.append(Exit(number, weakref.ref(self.function_object), state.index,
                               waiting, slots,
                               "a callee left machine code" if waiting
                               else _reason(instruction)))
        builder.ret(returned(builder, 1))
        builder.position_at_end(here)
        return block

    def _store_value(self, value, position):
        value_type = value.type
        if isinstance(value, Constant) or isinstance(value_type, Known) or value_type is NONE:
            return position       # the exit's slots carry it
        lowered = self.values[value]
        if value_type is RANGE_ITERATOR:
            slot_values = [self.builder.load(self.iterators[value]), *self._range_of(value)[1:]]
        elif isinstance(value_type, ListMethod):
            # A bound method on the stack (the callee of a call being made): its list.
            slot_values = [self.builder.ptrtoint(self.values[value.operands[0]], I64)]
        elif isinstance(value_type, ListIteratorType):
            sequence = self.values[value.operands[0]]
            slot_values = [self.builder.load(self.iterators[value]),
                           self.builder.ptrtoint(sequence, I64)]
        else:
            slot_values = None
        if slot_values is not None:
            for word in slot_values:
                self._store_word(word, position)
                position += 1
            return position
        for word, _ in words.to_words(self.builder, lowered, value_type):
            self._store_word(word, position)
            position += 1
        return position

    def _range_of(self, iterator):
        return self.values[iterator.operands[0]]

    def _store_word(self, word, position):
        """Store a word of the record being written (its ``position``-th)."""
        offset = self.builder.add(self.record_start, ir.Constant(I64, position))
        self.builder.store(word, self.builder.gep(self.state_pointer, [offset]))

    # -- instructions ---------------------------------------------------------------------

    def _instruction(self, instruction):
        handler = getattr(self, "_" + instruction.opcode, None)
        if handler is None:
            raise Unlowerable("no machine form for %s" % instruction.opcode)
        result = handler(instruction)
        if instruction.opcode not in ("jump", "branch", "return", "for_iter"):
            self.values[instruction] = result

    def _jump(self, instruction):
        self.last_block[instruction.block] = self.builder.block
        self.builder.branch(self.blocks[instruction.detail[0]])

    def _branch(self, instruction):
        condition = self.value(instruction.operands[0])
        self.last_block[instruction.block] = self.builder.block
        taken, other = instruction.detail
        self.builder.cbranch(condition, self.blocks[taken], self.blocks[other])

    def _return(self, instruction):
        (value,) = instruction.operands
        lowered = self.value(value)
        value_words = words.to_words(self.builder, lowered, value.type)
        self.last_block[instruction.block] = self.builder.block
        if len(value_words) == 1:
            self.builder.ret(returned(self.builder, 0, value_words[0][0]))
            return
        for position, (word, _) in enumerate(value_words):
            pointer = self.builder.gep(self.result_pointer, [ir.Constant(I64, position)])
            self.builder.store(word, pointer)
        self.builder.ret(returned(self.builder, 0))

    def _global(self, instruction):
        return self._known_value(instruction)

    def _attribute(self, instruction):
        return self._known_value(instruction)

    def _known_value(self, instruction):
        if isinstance(instruction.type, (Known, ListMethod)):
            return None     # nothing at run time: the call that uses it knows it
        raise Unlowerable("a global that is not a known object")

    def _truth(self, instruction):
        (operand,) = instruction.operands
        return self.truth(self.value(operand), operand.type)

    def truth(self, lowered, value_type):
        builder = self.builder
        if value_type is BOOL:
            return lowered
        if value_type is INT:
            return builder.icmp_signed("!=", lowered, ir.Constant(I64, 0))
        if value_type is FLOAT:
            return builder.fcmp_unordered("!=", lowered, ir.Constant(DOUBLE, 0.0))
        if value_type is NONE:
            return ir.Constant(I1, 0)
        if isinstance(value_type, ListType):
            return builder.icmp_signed("!=", lists.length(builder, lowered), ir.Constant(I64, 0))
        raise Unlowerable("the truth of %s" % value_type)

    def _is(self, instruction):
        left, right = instruction.operands
        same = left.type is right.type and left.type is NONE
        if instruction.detail == "is not":
            same = not same
        if left.type is NONE or right.type is NONE:
            return ir.Constant(I1, int(same))
        raise Unlowerable("'is' between %s and %s" % (left.type, right.type))

    def _unary(self, instruction):
        from pvm.tier2 import arithmetic
        return arithmetic.unary(self, instruction)

    def _binary(self, instruction):
        from pvm.tier2 import arithmetic
        if isinstance(instruction.type, ListType):
            return lists.binary(self, instruction)
        return arithmetic.binary(self, instruction)

    def _compare(self, instruction):
        from pvm.tier2 import arithmetic
        return arithmetic.compare(self, instruction)

    def _tuple(self, instruction):
        return tuple(self.value(item) for item in instruction.operands)

    def _unpack_check(self, instruction):
        return None          # typed: a tuple of the right length

    def _item(self, instruction):
        (sequence,) = instruction.operands
        return self.value(sequence)[instruction.detail]

    def _list(self, instruction):
        return lists.build(self, instruction)

    def _subscript(self, instruction):
        container, key = instruction.operands
        if isinstance(container.type, TupleType):
            items = self.value(container)
            return items[key.value]
        return lists.subscript(self, instruction)

    def _store_subscript(self, instruction):
        return lists.store_subscript(self, instruction)

    def _iter(self, instruction):
        (iterable,) = instruction.operands
        slot = self.iterators[instruction]
        if iterable.type is RANGE:
            start, _, _ = self.value(iterable)
            self.builder.store(start, slot)
            return None
        if isinstance(iterable.type, ListType):
            self.builder.store(ir.Constant(I64, 0), slot)
            return None
        raise Unlowerable("iter(%s)" % iterable.type)

    def _for_iter(self, instruction):
        (iterator,) = instruction.operands
        builder = self.builder
        slot = self.iterators[iterator]
        position = builder.load(slot)
        if iterator.type is RANGE_ITERATOR:
            _, stop, step = self._range_of(iterator)
            upward = builder.icmp_signed(">", step, ir.Constant(I64, 0))
            below = builder.icmp_signed("<", position, stop)
            above = builder.icmp_signed(">", position, stop)
            more = builder.select(upward, below, above)
        elif isinstance(iterator.type, ListIteratorType):
            sequence = self.value(iterator.operands[0])
            more = builder.icmp_signed("<", position, lists.length(builder, sequence))
        else:
            raise Unlowerable("a loop over %s" % iterator.type)
        self.last_block[instruction.block] = builder.block
        body, done = instruction.detail
        builder.cbranch(more, self.blocks[body], self.blocks[done])

    def _iter_next(self, instruction):
        (iterator,) = instruction.operands
        builder = self.builder
        slot = self.iterators[iterator]
        position = builder.load(slot)
        if iterator.type is RANGE_ITERATOR:
            _, _, step = self._range_of(iterator)
            builder.store(builder.add(position, step), slot)
            return position
        sequence = self.value(iterator.operands[0])
        builder.store(builder.add(position, ir.Constant(I64, 1)), slot)
        return lists.load_item(builder, sequence, position, iterator.type.item)

    def _call(self, instruction):
        from pvm.tier2 import calls
        return calls.lower_call(self, instruction)


def _slot_description(value):
    """(type, how) of a value in an exit's record: how is None for a value its words
    hold, the Constant for a constant, ("global", name) or ("attribute", module, name)
    for an object known at compile time (its type then None).

    Exits live as long as the code's dispatcher, which lives as long as the code: a
    strong reference from them to a guest function or module would keep its module's
    namespace alive past its module, and the objects in it unfinalized at exit.  So an
    object is found again where the code found it, and a module is held weakly."""
    if isinstance(value, Constant):
        return value.type if not isinstance(value.type, Known) else None, value
    if isinstance(value.type, Known):
        if value.opcode == "global":
            return None, ("global", value.detail)
        owner = value.operands[0].type.value
        return None, ("attribute", weakref.ref(owner), value.detail)
    return value.type, None


def _reason(instruction):
    """What the instruction is, for -X jit-log's line when machine code leaves there."""
    operands = ", ".join(str(operand.type) for operand in instruction.operands
                         if operand.type is not None)
    detail = instruction.detail
    if instruction.opcode == "call":
        detail = getattr(detail, "__qualname__", None) or getattr(detail, "__name__", "")
    return "%s%s (%s)" % (instruction.opcode, " %s" % detail if isinstance(detail, str)
                          else "", operands)


def _maybe_unbound_phis(function):
    """The phis that may hold no value (a local not yet stored on some path)."""
    found = set()
    changed = True
    while changed:
        changed = False
        for block in function.blocks:
            for phi in block.phis:
                if phi in found:
                    continue
                if any(value is UNDEFINED or value in found
                       for value in phi.incoming.values()):
                    found.add(phi)
                    changed = True
    return found


def _local_name(phi, function):
    kind, index = phi.variable
    return function.code.co_varnames[index] if kind == "local" else "stack%d" % index

