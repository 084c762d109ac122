"""Lists of one scalar type in machine code: native lists.

A native list is ``{i64 length, i64 capacity, i8* items, i8* next}`` with its items
unboxed (an int 8 bytes, a float 8, a bool 1).  Lists machine code makes are chained
through ``next`` on the module's *arena*, which the dispatcher frees after each call,
once it has made Python lists of those the result or the guest's state holds.  A list
passed in is copied into a native list the dispatcher owns, and its items are copied
back into the same Python list object when machine code is done with it (returned, or
left to tier 0), so the guest sees one list all along.

Python's rules: an index below zero counts from the end; one out of range leaves
machine code (tier 0 raises IndexError); ``[items] * n`` with n below one is empty.

Loads and stores say what they touch (LLVM's type-based alias metadata): a list's
header (its length, its items' address) and its items are never the same memory, so a
store of an item keeps the length and the items' address known, and a loop's index
checks and address loads can leave the loop.
"""

from llvmlite import ir

from pvm.ir.types import BOOL, FLOAT, INT

I1 = ir.IntType(1)
I8 = ir.IntType(8)
I64 = ir.IntType(64)
DOUBLE = ir.DoubleType()
BYTES = I8.as_pointer()
LIST = ir.LiteralStructType([I64, I64, BYTES, BYTES])
LIST_POINTER = LIST.as_pointer()
ZERO = ir.Constant(I64, 0)
ONE = ir.Constant(I64, 1)

LENGTH, CAPACITY, ITEMS, NEXT = range(4)
ARENA = "pvm.arena"


def item_size(item_type):
    return 1 if item_type is BOOL else 8


def _storage_type(item_type):
    return {INT: I64, FLOAT: DOUBLE, BOOL: I8}[item_type]


def _field(builder, pointer, field):
    return builder.gep(pointer, [ZERO, ir.Constant(ir.IntType(32), field)])


def _tagged(builder, instruction, kind):
    """``instruction`` (a load or store) marked as touching ``kind`` of memory."""
    module = builder.module
    tags = getattr(module, "pvm_alias_tags", None)
    if tags is None:
        root = module.add_metadata(["pvm lists"])
        tags = module.pvm_alias_tags = {}
        for name in ("header", "int item", "float item", "bool item"):
            node = module.add_metadata([name, root, ir.Constant(I64, 0)])
            tags[name] = module.add_metadata([node, node, ir.Constant(I64, 0)])
    instruction.set_metadata("tbaa", tags[kind])
    return instruction


_ITEM_KIND = {INT: "int item", FLOAT: "float item", BOOL: "bool item"}


def _header_load(builder, pointer, field):
    return _tagged(builder, builder.load(_field(builder, pointer, field)), "header")


def _header_store(builder, value, pointer, field):
    return _tagged(builder, builder.store(value, _field(builder, pointer, field)), "header")


def length(builder, pointer):
    return _header_load(builder, pointer, LENGTH)


def _items(builder, pointer, item_type):
    data = _header_load(builder, pointer, ITEMS)
    return builder.bitcast(data, _storage_type(item_type).as_pointer())


def load_item(builder, pointer, index, item_type):
    value = _tagged(builder, builder.load(builder.gep(_items(builder, pointer, item_type),
                                                      [index])), _ITEM_KIND[item_type])
    return builder.trunc(value, I1) if item_type is BOOL else value


def _store_item(builder, pointer, index, value, item_type):
    if item_type is BOOL:
        value = builder.zext(value, I8)
    _tagged(builder, builder.store(value, builder.gep(_items(builder, pointer, item_type),
                                                      [index])), _ITEM_KIND[item_type])


def _checked_index(lowering, instruction, pointer, index_value):
    """Python's index: from the end if negative; out of range leaves machine code."""
    builder = lowering.builder
    size = length(builder, pointer)
    index = builder.select(builder.icmp_signed("<", index_value, ZERO),
                           builder.add(index_value, size), index_value)
    outside = builder.or_(builder.icmp_signed("<", index, ZERO),
                          builder.icmp_signed(">=", index, size))
    lowering.check(outside, instruction)
    return index


def subscript(lowering, instruction):
    container, key = instruction.operands
    pointer = lowering.value(container)
    index = _checked_index(lowering, instruction, pointer, lowering.value(key, INT))
    return load_item(lowering.builder, pointer, index, container.type.item)


def store_subscript(lowering, instruction):
    container, key, value = instruction.operands
    pointer = lowering.value(container)
    index = _checked_index(lowering, instruction, pointer, lowering.value(key, INT))
    _store_item(lowering.builder, pointer, index, lowering.value(value), container.type.item)


def build(lowering, instruction):
    builder = lowering.builder
    item_type = instruction.type.item
    made = builder.call(_new_function(lowering.module),
                        [ir.Constant(I64, len(instruction.operands)),
                         ir.Constant(I64, item_size(item_type))])
    for position, item in enumerate(instruction.operands):
        _store_item(builder, made, ir.Constant(I64, position), lowering.value(item), item_type)
    return made


def append(lowering, instruction):
    owner = instruction.operands[0].operands[0]       # the list of `list.append`
    item = instruction.operands[1]
    builder = lowering.builder
    builder.call(_grow_function(lowering.module),
                 [lowering.value(owner), ir.Constant(I64, item_size(owner.type.item))])
    pointer = lowering.value(owner)
    size = length(builder, pointer)
    _store_item(builder, pointer, size, lowering.value(item), owner.type.item)
    _header_store(builder, builder.add(size, ONE), pointer, LENGTH)
    return None


def binary(lowering, instruction):
    """``list * n``, ``n * list`` and ``list + list``: a new list."""
    left, right = instruction.operands
    builder = lowering.builder
    item_type = instruction.type.item
    size = ir.Constant(I64, item_size(item_type))
    memcpy = _memcpy(lowering.module)
    if instruction.detail.rstrip("=") == "+":
        first, second = lowering.value(left), lowering.value(right)
        first_length, second_length = length(builder, first), length(builder, second)
        made = builder.call(_new_function(lowering.module),
                            [builder.add(first_length, second_length), size])
        target = _header_load(builder, made, ITEMS)
        builder.call(memcpy, [target, _header_load(builder, first, ITEMS),
                              builder.mul(first_length, size), ir.Constant(I1, 0)])
        builder.call(memcpy, [builder.gep(target, [builder.mul(first_length, size)]),
                              _header_load(builder, second, ITEMS),
                              builder.mul(second_length, size), ir.Constant(I1, 0)])
        return made
    if left.type == instruction.type:
        source, count_value = lowering.value(left), lowering.value(right, INT)
    else:
        source, count_value = lowering.value(right), lowering.value(left, INT)
    count = builder.select(builder.icmp_signed("<", count_value, ZERO), ZERO, count_value)
    source_length = length(builder, source)
    total = builder.smul_with_overflow(source_length, count)
    lowering.check(builder.or_(builder.extract_value(total, 1),
                               builder.icmp_signed(">", builder.extract_value(total, 0),
                                                   ir.Constant(I64, 1 << 40))), instruction)
    made = builder.call(_new_function(lowering.module), [builder.extract_value(total, 0), size])
    literal = left if left.type == instruction.type else right
    if getattr(literal, "opcode", None) == "list" and len(literal.operands) == 1:
        # [item] * n: the item stored n times (a loop LLVM makes a fill).
        _fill(lowering, made, builder.extract_value(total, 0),
              lowering.value(literal.operands[0]), item_type)
    else:
        builder.call(_repeat_function(lowering.module), [made, source, count, size])
    return made


def _fill(lowering, pointer, count, value, item_type):
    builder = lowering.builder
    function = builder.function
    before = builder.block
    loop = function.append_basic_block("fill")
    body = function.append_basic_block("fill.item")
    done = function.append_basic_block("filled")
    builder.branch(loop)
    builder.position_at_end(loop)
    index = builder.phi(I64)
    index.add_incoming(ZERO, before)
    builder.cbranch(builder.icmp_signed("<", index, count), body, done)
    builder.position_at_end(body)
    _store_item(builder, pointer, index, value, item_type)
    index.add_incoming(builder.add(index, ONE), body)
    builder.branch(loop)
    builder.position_at_end(done)


# -- the module's list functions --------------------------------------------------------

def _declare(module, name, return_type, argument_types):
    found = module.globals.get(name)
    if found is None:
        found = ir.Function(module, ir.FunctionType(return_type, argument_types), name)
    return found


def _memcpy(module):
    return _declare(module, "llvm.memcpy.p0.p0.i64", ir.VoidType(), [BYTES, BYTES, I64, I1])


def _arena(module):
    found = module.globals.get(ARENA)
    if found is None:
        found = ir.GlobalVariable(module, LIST_POINTER, ARENA)
        found.initializer = ir.Constant(LIST_POINTER, None)
        found.linkage = "internal"
    return found


def _new_function(module):
    """``pvm.list_new(length, item_size)``: a native list of ``length`` items (their
    values unset), on the arena."""
    name = "pvm.list_new"
    found = module.globals.get(name)
    if found is not None:
        return found
    malloc = _declare(module, "malloc", BYTES, [I64])
    function = ir.Function(module, ir.FunctionType(LIST_POINTER, [I64, I64]), name)
    function.linkage = "internal"
    size, each = function.args
    builder = ir.IRBuilder(function.append_basic_block("entry"))
    made = builder.bitcast(builder.call(malloc, [ir.Constant(I64, 32)]), LIST_POINTER)
    capacity = builder.select(builder.icmp_signed("<", size, ONE), ONE, size)
    _header_store(builder, size, made, LENGTH)
    _header_store(builder, capacity, made, CAPACITY)
    _header_store(builder, builder.call(malloc, [builder.mul(capacity, each)]), made, ITEMS)
    arena = _arena(module)
    builder.store(builder.bitcast(builder.load(arena), BYTES), _field(builder, made, NEXT))
    builder.store(made, arena)
    builder.ret(made)
    return function


def _grow_function(module):
    """``pvm.list_reserve(list, item_size)``: room for one more item."""
    name = "pvm.list_reserve"
    found = module.globals.get(name)
    if found is not None:
        return found
    realloc = _declare(module, "realloc", BYTES, [BYTES, I64])
    function = ir.Function(module, ir.FunctionType(ir.VoidType(), [LIST_POINTER, I64]), name)
    function.linkage = "internal"
    pointer, each = function.args
    entry = function.append_basic_block("entry")
    grow = function.append_basic_block("grow")
    done = function.append_basic_block("done")
    builder = ir.IRBuilder(entry)
    size = length(builder, pointer)
    capacity = _header_load(builder, pointer, CAPACITY)
    builder.cbranch(builder.icmp_signed("<", size, capacity), done, grow)
    builder.position_at_end(grow)
    doubled = builder.add(builder.mul(capacity, ir.Constant(I64, 2)), ir.Constant(I64, 4))
    data = _header_load(builder, pointer, ITEMS)
    _header_store(builder, builder.call(realloc, [data, builder.mul(doubled, each)]), pointer,
                  ITEMS)
    _header_store(builder, doubled, pointer, CAPACITY)
    builder.branch(done)
    builder.position_at_end(done)
    builder.ret_void()
    return function


def _repeat_function(module):
    """``pvm.list_repeat(target, source, count, item_size)``: ``count`` copies of the
    source's items one after another in the target."""
    name = "pvm.list_repeat"
    found = module.globals.get(name)
    if found is not None:
        return found
    function = ir.Function(module, ir.FunctionType(ir.VoidType(),
                                                   [LIST_POINTER, LIST_POINTER, I64, I64]), name)
    function.linkage = "internal"
    target, source, count, each = function.args
    entry = function.append_basic_block("entry")
    loop = function.append_basic_block("loop")
    body = function.append_basic_block("body")
    done = function.append_basic_block("done")
    builder = ir.IRBuilder(entry)
    chunk = builder.mul(length(builder, source), each)
    source_items = _header_load(builder, source, ITEMS)
    target_items = _header_load(builder, target, ITEMS)
    builder.branch(loop)
    builder.position_at_end(loop)
    copied = builder.phi(I64)
    copied.add_incoming(ZERO, entry)
    builder.cbranch(builder.icmp_signed("<", copied, count), body, done)
    builder.position_at_end(body)
    builder.call(_memcpy(module), [builder.gep(target_items, [builder.mul(copied, chunk)]),
                                   source_items, chunk, ir.Constant(I1, 0)])
    copied.add_incoming(builder.add(copied, ONE), body)
    builder.branch(loop)
    builder.position_at_end(done)
    builder.ret_void()
    return function


def arena_functions(module):
    """``pvm.arena_take() -> list``: the arena's first list, emptying it (the
    dispatcher walks the chain and frees it)."""
    name = "pvm.arena_take"
    if module.globals.get(name) is not None:
        return
    function = ir.Function(module, ir.FunctionType(LIST_POINTER, []), name)
    builder = ir.IRBuilder(function.append_basic_block("entry"))
    arena = _arena(module)
    first = builder.load(arena)
    builder.store(ir.Constant(LIST_POINTER, None), arena)
    builder.ret(first)
