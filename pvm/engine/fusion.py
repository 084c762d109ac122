"""Superinstructions: one handler for a common run of instructions, made when code is decoded.

The interpreter pays for every handler call, so a run such as

    LOAD_FAST a; LOAD_CONST 1; BINARY_OP +; STORE_FAST b

costs four loop turns where ``fast[b] = fast[a] + 1`` needs one.  ``fuse``
looks for such runs (no jump may land inside one) and puts a fused handler
at the first instruction's index; it returns the index after the run.  The
single handlers stay in place for code that jumps to them.

A fused handler that fails part-way records the index of the instruction
that failed in ``frame.failed_index``, so tracebacks and exception handlers
see the same instruction as without fusion.
"""

import operator

from pvm import opcodes as op
from pvm.engine.handlers import (_BINARY_FUNCTIONS, _COMPARE_FUNCTIONS, CALL_FRAME,
                                  EXCEPTION_ATTRIBUTE_READERS, FACTORIES, NULL, guest_method)
from pvm.engine.objects import Function

_LOADS = (op.LOAD_FAST, op.LOAD_CONST)
# Attribute names whose plain handlers do more than getattr/setattr (see handlers.py).
_SPECIAL_ATTRIBUTES = frozenset(EXCEPTION_ATTRIBUTE_READERS)


def fuse(code, pairs, handlers):
    """Replace handlers where a known run of instructions starts; return how many were fused."""
    targets = {operand for opcode, operand in pairs if opcode in op.HAS_JUMP}
    targets.update(entry[2] for entry in code.co_exceptiontable)
    count = len(pairs)
    # next_target[i]: the first jump target after instruction i, so that "no jump lands
    # inside the run" is one comparison (decoding is on every module's start-up path).
    next_target = [count] * count
    following = count
    for index in range(count - 1, -1, -1):
        next_target[index] = following
        if index in targets:
            following = index
    fused = 0
    patterns_by_opening = _PATTERNS_BY_OPENING
    for index in range(count - 1):
        patterns = patterns_by_opening.get((pairs[index][0], pairs[index + 1][0]))
        if patterns is None:
            continue
        if index + 2 < count and pairs[index + 1][0] == op.LOAD_FAST and (
                pairs[index + 2][0] == op.LOAD_METHOD
                or (index + 3 < count and pairs[index + 2][0] == op.LOAD_ATTR
                    and pairs[index + 3][0] == op.LOAD_METHOD)):
            # The next load starts a method call (o.m(...) or o.a.m(...)): a run starting
            # here would hide the method call's run, which saves more.
            continue
        limit = next_target[index]
        for length, maker in patterns:
            end = index + length
            if end > limit:
                continue
            handler = maker(code, pairs[index:end], index)
            if handler is not None:
                handlers[index] = handler
                fused += 1
                break
    return fused


def _operand_loader(code, opcode, operand):
    """('local', index) or ('const', value) for a LOAD_FAST / LOAD_CONST."""
    if opcode == op.LOAD_FAST:
        return "local", operand
    return "const", code.co_consts[operand]


# -- two loads ---------------------------------------------------------------------------

def _two_loads(code, run, index):
    (first_opcode, first), (second_opcode, second) = run
    if first_opcode not in _LOADS or second_opcode not in _LOADS:
        return None
    next_index = index + 2
    first_kind, first_value = _operand_loader(code, first_opcode, first)
    second_kind, second_value = _operand_loader(code, second_opcode, second)
    if first_kind == "local" and second_kind == "local":
        def load_local_local(frame, stack, fast):
            stack.append(fast[first_value])
            stack.append(fast[second_value])
            return next_index
        return load_local_local
    if first_kind == "local":
        def load_local_const(frame, stack, fast):
            stack.append(fast[first_value])
            stack.append(second_value)
            return next_index
        return load_local_const
    return None


def _load_then_store(code, run, index):
    (load_opcode, load), (store_opcode, store) = run
    if load_opcode not in _LOADS or store_opcode != op.STORE_FAST:
        return None
    next_index = index + 2
    kind, value = _operand_loader(code, load_opcode, load)
    if kind == "local":
        def copy_local(frame, stack, fast):
            fast[store] = fast[value]
            return next_index
        return copy_local

    def store_const(frame, stack, fast):
        fast[store] = value
        return next_index
    return store_const


def _load_attribute(code, run, index):
    (load_opcode, load), (attribute_opcode, name_index) = run
    if load_opcode != op.LOAD_FAST or attribute_opcode != op.LOAD_ATTR:
        return None
    next_index = index + 2
    failing_index = index + 1
    name = code.co_names[name_index]
    if name in _SPECIAL_ATTRIBUTES:
        return None

    def load_local_attribute(frame, stack, fast):
        try:
            stack.append(getattr(fast[load], name))
        except BaseException:
            frame.failed_index = failing_index
            raise
        return next_index
    return load_local_attribute


def _return_local(code, run, index):
    (load_opcode, load), (return_opcode, _) = run
    if load_opcode != op.LOAD_FAST or return_opcode != op.RETURN_VALUE:
        return None

    def return_local(frame, stack, fast):
        frame.return_value = fast[load]
        return -2
    return return_local


def _for_iter_store(code, run, index):
    (for_opcode, exit_index), (store_opcode, store) = run
    if for_opcode != op.FOR_ITER or store_opcode != op.STORE_FAST:
        return None
    next_index = index + 2
    advance = next

    def for_iter_store(frame, stack, fast):
        try:
            fast[store] = advance(stack[-1])
        except StopIteration:
            stack.pop()
            return exit_index
        return next_index
    return for_iter_store


# -- operators on two loaded operands ------------------------------------------------------

def _operator_function(opcode, operand):
    if opcode == op.BINARY_OP:
        return _BINARY_FUNCTIONS[operand]
    if opcode == op.COMPARE_OP:
        return _COMPARE_FUNCTIONS[operand]
    if opcode == op.BINARY_SUBSCR:
        return operator.getitem
    return None


def _binary_on_loads(code, run, index):
    (first_opcode, first), (second_opcode, second), (operator_opcode, operand) = run
    if first_opcode != op.LOAD_FAST or second_opcode not in _LOADS:
        return None
    function = _operator_function(operator_opcode, operand)
    if function is None:
        return None
    next_index = index + 3
    failing_index = index + 2
    second_kind, second_value = _operand_loader(code, second_opcode, second)
    if second_kind == "local":
        def binary_local_local(frame, stack, fast):
            try:
                stack.append(function(fast[first], fast[second_value]))
            except BaseException:
                frame.failed_index = failing_index
                raise
            return next_index
        return binary_local_local

    def binary_local_const(frame, stack, fast):
        try:
            stack.append(function(fast[first], second_value))
        except BaseException:
            frame.failed_index = failing_index
            raise
        return next_index
    return binary_local_const


def _binary_on_loads_then_store(code, run, index):
    binary = run[:3]
    store_opcode, store = run[3]
    if store_opcode != op.STORE_FAST:
        return None
    (first_opcode, first), (second_opcode, second), (operator_opcode, operand) = binary
    if first_opcode != op.LOAD_FAST or second_opcode not in _LOADS:
        return None
    if operator_opcode != op.BINARY_OP:
        return None
    function = _BINARY_FUNCTIONS[operand]
    next_index = index + 4
    failing_index = index + 2
    second_kind, second_value = _operand_loader(code, second_opcode, second)
    if second_kind == "local":
        def assign_local_local(frame, stack, fast):
            try:
                fast[store] = function(fast[first], fast[second_value])
            except BaseException:
                frame.failed_index = failing_index
                raise
            return next_index
        return assign_local_local

    def assign_local_const(frame, stack, fast):
        try:
            fast[store] = function(fast[first], second_value)
        except BaseException:
            frame.failed_index = failing_index
            raise
        return next_index
    return assign_local_const


def _compare_and_branch(code, run, index):
    compare = run[:3]
    branch_opcode, target = run[3]
    if branch_opcode not in (op.POP_JUMP_IF_FALSE, op.POP_JUMP_IF_TRUE):
        return None
    (first_opcode, first), (second_opcode, second), (compare_opcode, operand) = compare
    if first_opcode != op.LOAD_FAST or second_opcode not in _LOADS:
        return None
    if compare_opcode != op.COMPARE_OP:
        return None
    function = _COMPARE_FUNCTIONS[operand]
    next_index = index + 4
    failing_index = index + 2
    second_kind, second_value = _operand_loader(code, second_opcode, second)
    jump_when = branch_opcode == op.POP_JUMP_IF_TRUE
    if second_kind == "local":
        def compare_local_local_branch(frame, stack, fast):
            try:
                outcome = function(fast[first], fast[second_value])
                if outcome:
                    return target if jump_when else next_index
            except BaseException:
                frame.failed_index = failing_index
                raise
            return next_index if jump_when else target
        return compare_local_local_branch

    def compare_local_const_branch(frame, stack, fast):
        try:
            outcome = function(fast[first], second_value)
            if outcome:
                return target if jump_when else next_index
        except BaseException:
            frame.failed_index = failing_index
            raise
        return next_index if jump_when else target
    return compare_local_const_branch


# -- attributes ----------------------------------------------------------------------------

def _augmented_attribute(code, run, index):
    """LOAD_FAST o; COPY 1; LOAD_ATTR n; LOAD_FAST|LOAD_CONST v; BINARY_OP op; SWAP 2; STORE_ATTR n"""
    opcodes_run = [opcode for opcode, _ in run]
    if opcodes_run[0] != op.LOAD_FAST or opcodes_run[1:3] != [op.COPY, op.LOAD_ATTR] \
            or opcodes_run[3] not in _LOADS or opcodes_run[4:] != [op.BINARY_OP, op.SWAP,
                                                                   op.STORE_ATTR]:
        return None
    if run[1][1] != 1 or run[5][1] != 2 or run[2][1] != run[6][1]:
        return None
    owner_index = run[0][1]
    name = code.co_names[run[2][1]]
    if name in _SPECIAL_ATTRIBUTES:
        return None
    kind, value = _operand_loader(code, run[3][0], run[3][1])
    function = _BINARY_FUNCTIONS[run[4][1]]
    next_index = index + 7
    load_failure, operator_failure, store_failure = index + 2, index + 4, index + 6

    def augmented_attribute(frame, stack, fast):
        owner = fast[owner_index]
        failing = load_failure
        try:
            current = getattr(owner, name)
            failing = operator_failure
            result = function(current, fast[value] if kind == "local" else value)
            failing = store_failure
            setattr(owner, name, result)
        except BaseException:
            frame.failed_index = failing
            raise
        return next_index
    return augmented_attribute


def _attribute_chain(code, run, index):
    (load_opcode, load), (first_opcode, first), (second_opcode, second) = run
    if load_opcode != op.LOAD_FAST or first_opcode != op.LOAD_ATTR \
            or second_opcode != op.LOAD_ATTR:
        return None
    first_name = code.co_names[first]
    second_name = code.co_names[second]
    if first_name in _SPECIAL_ATTRIBUTES or second_name in _SPECIAL_ATTRIBUTES:
        return None
    next_index = index + 3

    def load_attribute_chain(frame, stack, fast):
        try:
            middle = getattr(fast[load], first_name)
        except BaseException:
            frame.failed_index = index + 1
            raise
        try:
            stack.append(getattr(middle, second_name))
        except BaseException:
            frame.failed_index = index + 2
            raise
        return next_index
    return load_attribute_chain


def _store_attribute(code, run, index):
    """LOAD_FAST|LOAD_CONST v; LOAD_FAST o; STORE_ATTR n: o.n = v"""
    (value_opcode, value_operand), (owner_opcode, owner), (store_opcode, name_index) = run
    if value_opcode not in _LOADS or owner_opcode != op.LOAD_FAST \
            or store_opcode != op.STORE_ATTR:
        return None
    kind, value = _operand_loader(code, value_opcode, value_operand)
    name = code.co_names[name_index]
    if name in _SPECIAL_ATTRIBUTES:
        return None
    next_index = index + 3
    failing_index = index + 2
    if kind == "local":
        def store_local_attribute(frame, stack, fast):
            try:
                setattr(fast[owner], name, fast[value])
            except BaseException:
                frame.failed_index = failing_index
                raise
            return next_index
        return store_local_attribute

    def store_const_attribute(frame, stack, fast):
        try:
            setattr(fast[owner], name, value)
        except BaseException:
            frame.failed_index = failing_index
            raise
        return next_index
    return store_const_attribute


def _none_test_and_branch(code, run, index):
    """LOAD_FAST x; LOAD_CONST None; IS_OP k; POP_JUMP_IF_FALSE|TRUE t"""
    (load_opcode, load), (const_opcode, const), (is_opcode, negated), (branch_opcode, target) = run
    if load_opcode != op.LOAD_FAST or const_opcode != op.LOAD_CONST or is_opcode != op.IS_OP \
            or code.co_consts[const] is not None \
            or branch_opcode not in (op.POP_JUMP_IF_FALSE, op.POP_JUMP_IF_TRUE):
        return None
    next_index = index + 4
    # Jump when (x is None) == jump_if_none.
    jump_if_none = (branch_opcode == op.POP_JUMP_IF_TRUE) != bool(negated)

    def none_test_and_branch(frame, stack, fast):
        if (fast[load] is None) == jump_if_none:
            return target
        return next_index
    return none_test_and_branch


# -- calls ---------------------------------------------------------------------------------
#
# A call of a guest function whose arguments are locals or constants becomes one handler
# that finds the function and enters it, skipping the stack traffic of the single
# instructions. Anything else runs the plain handlers, so the rules stay theirs.

def _argument_reader(code, argument_loads, with_owner):
    """A function of (fast, owner) giving the call's arguments as a new list, or None.

    With ``with_owner``, the list starts with the owner (a method call's self)."""
    if any(opcode not in _LOADS for opcode, _ in argument_loads):
        return None
    loaders = [_operand_loader(code, opcode, operand) for opcode, operand in argument_loads]
    kinds = tuple(kind for kind, _ in loaders)
    values = [value for _, value in loaders]
    if kinds == ():
        return (lambda fast, owner: [owner]) if with_owner else (lambda fast, owner: [])
    if kinds == ("local",):
        (first,) = values
        if with_owner:
            return lambda fast, owner: [owner, fast[first]]
        return lambda fast, owner: [fast[first]]
    if kinds == ("const",):
        (first,) = values
        if with_owner:
            return lambda fast, owner: [owner, first]
        return lambda fast, owner: [first]
    if kinds == ("local", "local"):
        first, second = values
        if with_owner:
            return lambda fast, owner: [owner, fast[first], fast[second]]
        return lambda fast, owner: [fast[first], fast[second]]
    return None


def _entering(call_index, next_index):
    """Enter a guest function from a fused call; failures belong to the CALL instruction."""
    def enter(frame, function, arguments):
        try:
            frame.callee = function.interpreter.enter(function, arguments, None, frame)
        except BaseException:
            frame.failed_index = call_index
            raise
        frame.resume_index = next_index
        return CALL_FRAME
    return enter


def _method_call(code, run, index):
    """LOAD_FAST o; [LOAD_ATTR a;] LOAD_METHOD m; up to two LOAD_FAST|LOAD_CONST x;
    CALL_METHOD n: o.m(x...) or o.a.m(x...)"""
    owner_opcode, owner = run[0]
    attribute = None
    if len(run) > 3 and run[1][0] == op.LOAD_ATTR:
        attribute = code.co_names[run[1][1]]
        run = run[:1] + run[2:]
    (method_opcode, name_index), (call_opcode, count) = run[1], run[-1]
    if owner_opcode != op.LOAD_FAST or method_opcode != op.LOAD_METHOD \
            or call_opcode != op.CALL_METHOD or count != len(run) - 3:
        return None
    read_arguments = _argument_reader(code, run[2:-1], with_owner=True)
    name = code.co_names[name_index]
    if read_arguments is None or name in _SPECIAL_ATTRIBUTES \
            or attribute in _SPECIAL_ATTRIBUTES:
        return None
    method_index = index + 1 if attribute is None else index + 2
    call_index = method_index + count + 1
    enter = _entering(call_index, call_index + 1)
    plain_call_method = FACTORIES[op.CALL_METHOD](count, call_index + 1, code)

    def call_method(frame, stack, fast):
        owner_value = fast[owner]
        if attribute is not None:
            try:
                owner_value = getattr(owner_value, attribute)
            except BaseException:
                frame.failed_index = index + 1
                raise
        method = guest_method(owner_value, name)
        if method is not None:
            if not method.kind:
                return enter(frame, method, read_arguments(fast, owner_value))
            # A generator function: LOAD_METHOD's stack, for CALL_METHOD to call it.
            stack.append(method)
            stack.extend(read_arguments(fast, owner_value))
        else:
            # A host method or any other attribute: what LOAD_METHOD pushes when it
            # finds no guest function, then the arguments after the NULL owner.
            try:
                stack.append(getattr(owner_value, name))
            except BaseException:
                frame.failed_index = method_index
                raise
            stack.extend(read_arguments(fast, NULL))
        try:
            return plain_call_method(frame, stack, fast)
        except BaseException:
            frame.failed_index = call_index
            raise
    return call_method


def _global_call(code, run, index):
    """LOAD_GLOBAL f; up to two LOAD_FAST|LOAD_CONST a; CALL n: f(a...)"""
    (global_opcode, name_index) = run[0]
    call_opcode, count = run[-1]
    if global_opcode != op.LOAD_GLOBAL or call_opcode != op.CALL or count != len(run) - 2:
        return None
    read_arguments = _argument_reader(code, run[1:-1], with_owner=False)
    if read_arguments is None:
        return None
    call_index = index + len(run) - 1
    next_index = call_index + 1
    enter = _entering(call_index, next_index)
    plain_load_global = FACTORIES[op.LOAD_GLOBAL](name_index, index + 1, code)
    plain_call = FACTORIES[op.CALL](count, next_index, code)

    def call_global(frame, stack, fast):
        plain_load_global(frame, stack, fast)
        function = stack[-1]
        if type(function) is Function and not function.kind:
            stack.pop()
            return enter(frame, function, read_arguments(fast, None))
        stack.extend(read_arguments(fast, None))
        try:
            return plain_call(frame, stack, fast)
        except BaseException:
            frame.failed_index = call_index
            raise
    return call_global


# Longest runs first: the first pattern that applies at an index wins.
# (length, maker, the opcodes a run can start with, the opcodes its second instruction
# can have), most specific first.
_ATTRIBUTE_LOADS = (op.LOAD_METHOD, op.LOAD_ATTR)
_PATTERNS = (
    (7, _augmented_attribute, (op.LOAD_FAST,), (op.COPY,)),
    (6, _method_call, (op.LOAD_FAST,), _ATTRIBUTE_LOADS),
    (5, _method_call, (op.LOAD_FAST,), _ATTRIBUTE_LOADS),
    (4, _method_call, (op.LOAD_FAST,), _ATTRIBUTE_LOADS),
    (3, _method_call, (op.LOAD_FAST,), _ATTRIBUTE_LOADS),
    (4, _global_call, (op.LOAD_GLOBAL,), _LOADS),
    (3, _global_call, (op.LOAD_GLOBAL,), _LOADS),
    (2, _global_call, (op.LOAD_GLOBAL,), (op.CALL,)),
    (4, _none_test_and_branch, (op.LOAD_FAST,), (op.LOAD_CONST,)),
    (3, _attribute_chain, (op.LOAD_FAST,), (op.LOAD_ATTR,)),
    (3, _store_attribute, _LOADS, (op.LOAD_FAST,)),
    (4, _binary_on_loads_then_store, (op.LOAD_FAST,), _LOADS),
    (4, _compare_and_branch, (op.LOAD_FAST,), _LOADS),
    (3, _binary_on_loads, (op.LOAD_FAST,), _LOADS),
    (2, _for_iter_store, (op.FOR_ITER,), (op.STORE_FAST,)),
    (2, _load_attribute, (op.LOAD_FAST,), (op.LOAD_ATTR,)),
    (2, _return_local, (op.LOAD_FAST,), (op.RETURN_VALUE,)),
    (2, _load_then_store, _LOADS, (op.STORE_FAST,)),
    (2, _two_loads, _LOADS, _LOADS),
)
# The patterns to try at an instruction, by its opcode and the next one's: most pairs
# start none, and decoding is on every module's start-up path.
_PATTERNS_BY_OPENING = {}
for _length, _maker, _first_opcodes, _second_opcodes in _PATTERNS:
    for _first in _first_opcodes:
        for _second in _second_opcodes:
            _PATTERNS_BY_OPENING.setdefault((_first, _second), []).append((_length, _maker))
del _length, _maker, _first_opcodes, _second_opcodes, _first, _second
