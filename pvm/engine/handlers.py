"""What each opcode does: one handler factory per opcode of ``pvm.opcodes``, named after it.

The interpreter decodes a code object once into a list of handlers, one per
instruction: ``FACTORY(operand, next_index, code)`` returns a closure with the
operand and the index of the next instruction already bound in.  A handler is
called as ``handler(frame, stack, fast)`` and returns the index of the
instruction to run next, or one of the negative signals below, which ask the
interpreter's loop to switch frames.  Handlers do not depend on the loop
that calls them, so another loop (tracing, or a faster tier) can call them
too.
"""

import operator

from pvm import opcodes
from pvm.code import CO_COROUTINE, CO_ITERABLE_COROUTINE
from pvm.engine import guest_traceback
from pvm.engine.frames import UNBOUND
from pvm.engine.objects import AsyncGeneratorValue, Coroutine, Function, Generator, MethodType

# Signals a handler returns instead of the next index.
CALL_FRAME = -1       # run frame.callee, then come back to frame.resume_index
RETURN = -2           # the frame has finished; the value is frame.return_value
YIELD = -3            # the frame is suspended; the value is frame.return_value

_next = next
_len = len
_isinstance = isinstance
_tuple = tuple
_list = list
_RESUMABLE = frozenset({Generator, Coroutine})


def _exception_group_method(name):
    """``group.split`` / ``group.subgroup`` for guest code: the host's methods only take
    host functions as the condition, so a pvm function is handed over wrapped in one."""
    builtin = getattr(BaseExceptionGroup, name)

    def reader(exception):
        method = getattr(exception, name)
        if (not isinstance(exception, BaseExceptionGroup)
                or getattr(type(exception), name) is not builtin):
            return method

        def call(condition):
            if isinstance(condition, Function):
                guest_condition = condition

                def condition(exception):
                    return guest_condition(exception)
            return method(condition)
        call.__name__ = call.__qualname__ = name
        return call
    return reader


# Attributes of exceptions that guest code must see differently from host code: with
# guest frames in their tracebacks, or taking guest functions.
EXCEPTION_ATTRIBUTE_READERS = {
    "__traceback__": guest_traceback.traceback_of,
    "with_traceback": guest_traceback.with_traceback_method,
    "split": _exception_group_method("split"),
    "subgroup": _exception_group_method("subgroup"),
}


def _load_global_error(name):
    return NameError("name '%s' is not defined" % name, name=name)


def _unbound_local(name):
    return UnboundLocalError(
        "cannot access local variable '%s' where it is not associated with a value" % name)


def _unbound_free(name):
    return NameError("cannot access free variable '%s' where it is not associated with a "
                     "value in enclosing scope" % name, name=name)


def _cell_name(code, operand):
    names = code.co_cellvars + code.co_freevars
    return names[operand]


# -- stack manipulation ------------------------------------------------------------

def NOP(operand, next_index, code):
    def nop(frame, stack, fast):
        return next_index
    return nop


def POP_TOP(operand, next_index, code):
    def pop_top(frame, stack, fast):
        stack.pop()
        return next_index
    return pop_top


def COPY(operand, next_index, code):
    position = -operand

    def copy(frame, stack, fast):
        stack.append(stack[position])
        return next_index
    return copy


def SWAP(operand, next_index, code):
    position = -operand

    def swap(frame, stack, fast):
        stack[-1], stack[position] = stack[position], stack[-1]
        return next_index
    return swap


# -- loading and storing --------------------------------------------------------------

def LOAD_CONST(operand, next_index, code):
    value = code.co_consts[operand]

    def load_const(frame, stack, fast):
        stack.append(value)
        return next_index
    return load_const


def LOAD_FAST(operand, next_index, code):
    def load_fast(frame, stack, fast):
        stack.append(fast[operand])
        return next_index
    return load_fast


def LOAD_FAST_CHECK(operand, next_index, code):
    name = code.co_varnames[operand]

    def load_fast_check(frame, stack, fast):
        value = fast[operand]
        if value is UNBOUND:
            raise _unbound_local(name)
        stack.append(value)
        return next_index
    return load_fast_check


def STORE_FAST(operand, next_index, code):
    def store_fast(frame, stack, fast):
        fast[operand] = stack.pop()
        return next_index
    return store_fast


def DELETE_FAST(operand, next_index, code):
    name = code.co_varnames[operand]

    def delete_fast(frame, stack, fast):
        if fast[operand] is UNBOUND:
            raise _unbound_local(name)
        fast[operand] = UNBOUND
        return next_index
    return delete_fast


def LOAD_DEREF(operand, next_index, code):
    name = _cell_name(code, operand)
    is_free = operand >= len(code.co_cellvars)

    def load_deref(frame, stack, fast):
        try:
            stack.append(frame.cells[operand].cell_contents)
        except ValueError:
            raise (_unbound_free(name) if is_free else _unbound_local(name)) from None
        return next_index
    return load_deref


def LOAD_CLASSDEREF(operand, next_index, code):
    name = _cell_name(code, operand)

    def load_classderef(frame, stack, fast):
        namespace = frame.f_locals_mapping
        try:
            stack.append(namespace[name])
            return next_index
        except KeyError:
            pass
        try:
            stack.append(frame.cells[operand].cell_contents)
        except ValueError:
            raise _unbound_free(name) from None
        return next_index
    return load_classderef


def STORE_DEREF(operand, next_index, code):
    def store_deref(frame, stack, fast):
        frame.cells[operand].cell_contents = stack.pop()
        return next_index
    return store_deref


def DELETE_DEREF(operand, next_index, code):
    name = _cell_name(code, operand)

    def delete_deref(frame, stack, fast):
        try:
            del frame.cells[operand].cell_contents
        except ValueError:
            raise _unbound_local(name) from None
        return next_index
    return delete_deref


def LOAD_CLOSURE(operand, next_index, code):
    def load_closure(frame, stack, fast):
        stack.append(frame.cells[operand])
        return next_index
    return load_closure


def LOAD_NAME(operand, next_index, code):
    name = code.co_names[operand]

    def load_name(frame, stack, fast):
        namespace = frame.f_locals_mapping
        if type(namespace) is dict:
            if name in namespace:
                stack.append(namespace[name])
                return next_index
        else:
            try:
                stack.append(namespace[name])
                return next_index
            except KeyError:
                pass
        globals_ = frame.f_globals
        if name in globals_:
            stack.append(globals_[name])
            return next_index
        builtins = frame.f_builtins
        if name in builtins:
            stack.append(builtins[name])
            return next_index
        raise _load_global_error(name)
    return load_name


def STORE_NAME(operand, next_index, code):
    name = code.co_names[operand]

    def store_name(frame, stack, fast):
        frame.f_locals_mapping[name] = stack.pop()
        return next_index
    return store_name


def DELETE_NAME(operand, next_index, code):
    name = code.co_names[operand]

    def delete_name(frame, stack, fast):
        try:
            del frame.f_locals_mapping[name]
        except KeyError:
            raise _load_global_error(name) from None
        return next_index
    return delete_name


def LOAD_GLOBAL(operand, next_index, code):
    name = code.co_names[operand]

    def load_global(frame, stack, fast):
        globals_ = frame.f_globals
        if name in globals_:
            stack.append(globals_[name])
            return next_index
        builtins = frame.f_builtins
        if name in builtins:
            stack.append(builtins[name])
            return next_index
        raise _load_global_error(name)
    return load_global


def STORE_GLOBAL(operand, next_index, code):
    name = code.co_names[operand]

    def store_global(frame, stack, fast):
        frame.f_globals[name] = stack.pop()
        return next_index
    return store_global


def DELETE_GLOBAL(operand, next_index, code):
    name = code.co_names[operand]

    def delete_global(frame, stack, fast):
        try:
            del frame.f_globals[name]
        except KeyError:
            raise _load_global_error(name) from None
        return next_index
    return delete_global


def LOAD_ATTR(operand, next_index, code):
    name = code.co_names[operand]
    special = EXCEPTION_ATTRIBUTE_READERS.get(name)
    if special is not None:
        def load_traceback_attribute(frame, stack, fast):
            owner = stack[-1]
            if isinstance(owner, BaseException):
                stack[-1] = special(owner)
            else:
                stack[-1] = getattr(owner, name)
            return next_index
        return load_traceback_attribute

    def load_attr(frame, stack, fast):
        stack[-1] = getattr(stack[-1], name)
        return next_index
    return load_attr


class _Null:
    """What LOAD_METHOD pushes in place of self when the callable is already bound."""

    __slots__ = ()

    def __repr__(self):
        return "<NULL>"


NULL = _Null()
_object_getattribute = object.__getattribute__


def LOAD_METHOD(operand, next_index, code):
    name = code.co_names[operand]
    special = EXCEPTION_ATTRIBUTE_READERS.get(name)
    if special is not None:
        def load_traceback_method(frame, stack, fast):
            owner = stack[-1]
            if isinstance(owner, BaseException):
                stack[-1] = special(owner)
            else:
                stack[-1] = getattr(owner, name)
            stack.append(NULL)
            return next_index
        return load_traceback_method

    def load_method(frame, stack, fast):
        owner = stack[-1]
        method = guest_method(owner, name)
        if method is not None:
            stack[-1] = method
            stack.append(owner)
            return next_index
        stack[-1] = getattr(owner, name)
        stack.append(NULL)
        return next_index
    return load_method


def guest_method(owner, name):
    """The guest function that ``owner.name`` would bind to ``owner``, or None.

    Found without making the bound method (LOAD_METHOD's point): only when the
    attribute lookup is object's own, the class attribute is a guest function and
    the instance does not shadow it.
    """
    kind = type(owner)
    if kind.__getattribute__ is _object_getattribute:
        for klass in kind.__mro__:
            namespace = klass.__dict__
            if name in namespace:
                method = namespace[name]
                if type(method) is Function:
                    instance_namespace = getattr(owner, "__dict__", None)
                    if instance_namespace is None or name not in instance_namespace:
                        return method
                return None
    return None


def STORE_ATTR(operand, next_index, code):
    name = code.co_names[operand]
    if name == "__traceback__":
        def store_traceback(frame, stack, fast):
            owner = stack.pop()
            value = stack.pop()
            if isinstance(owner, BaseException):
                guest_traceback.set_traceback(owner, value)
            else:
                setattr(owner, name, value)
            return next_index
        return store_traceback

    def store_attr(frame, stack, fast):
        owner = stack.pop()
        setattr(owner, name, stack.pop())
        return next_index
    return store_attr


def DELETE_ATTR(operand, next_index, code):
    name = code.co_names[operand]

    def delete_attr(frame, stack, fast):
        delattr(stack.pop(), name)
        return next_index
    return delete_attr


def LOAD_BUILD_CLASS(operand, next_index, code):
    def load_build_class(frame, stack, fast):
        try:
            stack.append(frame.f_builtins["__build_class__"])
        except KeyError:
            raise NameError("__build_class__ not found") from None
        return next_index
    return load_build_class


def LOAD_ASSERTION_ERROR(operand, next_index, code):
    def load_assertion_error(frame, stack, fast):
        stack.append(AssertionError)
        return next_index
    return load_assertion_error


def LOAD_LOCALS(operand, next_index, code):
    def load_locals(frame, stack, fast):
        stack.append(frame.f_locals_mapping)
        return next_index
    return load_locals


def SETUP_ANNOTATIONS(operand, next_index, code):
    def setup_annotations(frame, stack, fast):
        namespace = frame.f_locals_mapping
        if type(namespace) is dict:
            if "__annotations__" not in namespace:
                namespace["__annotations__"] = {}
        else:
            try:
                namespace["__annotations__"]
            except KeyError:
                namespace["__annotations__"] = {}
        return next_index
    return setup_annotations


# -- operators -----------------------------------------------------------------------

def UNARY_POSITIVE(operand, next_index, code):
    def unary_positive(frame, stack, fast):
        stack[-1] = +stack[-1]
        return next_index
    return unary_positive


def UNARY_NEGATIVE(operand, next_index, code):
    def unary_negative(frame, stack, fast):
        stack[-1] = -stack[-1]
        return next_index
    return unary_negative


def UNARY_NOT(operand, next_index, code):
    def unary_not(frame, stack, fast):
        stack[-1] = not stack[-1]
        return next_index
    return unary_not


def UNARY_INVERT(operand, next_index, code):
    def unary_invert(frame, stack, fast):
        stack[-1] = ~stack[-1]
        return next_index
    return unary_invert


def _binary_add(next_index):
    def binary_add(frame, stack, fast):
        right = stack.pop()
        stack[-1] = stack[-1] + right
        return next_index
    return binary_add


def _binary_subtract(next_index):
    def binary_subtract(frame, stack, fast):
        right = stack.pop()
        stack[-1] = stack[-1] - right
        return next_index
    return binary_subtract


def _binary_multiply(next_index):
    def binary_multiply(frame, stack, fast):
        right = stack.pop()
        stack[-1] = stack[-1] * right
        return next_index
    return binary_multiply


def _inplace_add(next_index):
    def inplace_add(frame, stack, fast):
        right = stack.pop()
        left = stack[-1]
        left += right
        stack[-1] = left
        return next_index
    return inplace_add


_BINARY_FUNCTIONS = (
    operator.add, operator.and_, operator.floordiv, operator.lshift, operator.matmul,
    operator.mul, operator.mod, operator.or_, operator.pow, operator.rshift, operator.sub,
    operator.truediv, operator.xor,
    operator.iadd, operator.iand, operator.ifloordiv, operator.ilshift, operator.imatmul,
    operator.imul, operator.imod, operator.ior, operator.ipow, operator.irshift,
    operator.isub, operator.itruediv, operator.ixor,
)
_SPECIALIZED_BINARY = {0: _binary_add, 10: _binary_subtract, 5: _binary_multiply,
                       13: _inplace_add}


def BINARY_OP(operand, next_index, code):
    specialized = _SPECIALIZED_BINARY.get(operand)
    if specialized is not None:
        return specialized(next_index)
    function = _BINARY_FUNCTIONS[operand]

    def binary_op(frame, stack, fast):
        right = stack.pop()
        stack[-1] = function(stack[-1], right)
        return next_index
    return binary_op


def _compare_less(next_index):
    def compare_less(frame, stack, fast):
        right = stack.pop()
        stack[-1] = stack[-1] < right
        return next_index
    return compare_less


def _compare_equal(next_index):
    def compare_equal(frame, stack, fast):
        right = stack.pop()
        stack[-1] = stack[-1] == right
        return next_index
    return compare_equal


_COMPARE_FUNCTIONS = (operator.lt, operator.le, operator.eq, operator.ne, operator.gt,
                      operator.ge)
_SPECIALIZED_COMPARE = {0: _compare_less, 2: _compare_equal}


def COMPARE_OP(operand, next_index, code):
    specialized = _SPECIALIZED_COMPARE.get(operand)
    if specialized is not None:
        return specialized(next_index)
    function = _COMPARE_FUNCTIONS[operand]

    def compare_op(frame, stack, fast):
        right = stack.pop()
        stack[-1] = function(stack[-1], right)
        return next_index
    return compare_op


def IS_OP(operand, next_index, code):
    if operand:
        def is_not(frame, stack, fast):
            right = stack.pop()
            stack[-1] = stack[-1] is not right
            return next_index
        return is_not

    def is_op(frame, stack, fast):
        right = stack.pop()
        stack[-1] = stack[-1] is right
        return next_index
    return is_op


def CONTAINS_OP(operand, next_index, code):
    if operand:
        def not_in(frame, stack, fast):
            right = stack.pop()
            stack[-1] = stack[-1] not in right
            return next_index
        return not_in

    def contains_op(frame, stack, fast):
        right = stack.pop()
        stack[-1] = stack[-1] in right
        return next_index
    return contains_op


def BINARY_SUBSCR(operand, next_index, code):
    def binary_subscr(frame, stack, fast):
        key = stack.pop()
        stack[-1] = stack[-1][key]
        return next_index
    return binary_subscr


def STORE_SUBSCR(operand, next_index, code):
    def store_subscr(frame, stack, fast):
        key = stack.pop()
        container = stack.pop()
        container[key] = stack.pop()
        return next_index
    return store_subscr


def DELETE_SUBSCR(operand, next_index, code):
    def delete_subscr(frame, stack, fast):
        key = stack.pop()
        del stack.pop()[key]
        return next_index
    return delete_subscr


def BUILD_SLICE(operand, next_index, code):
    if operand == 3:
        def build_slice3(frame, stack, fast):
            step = stack.pop()
            stop = stack.pop()
            stack[-1] = slice(stack[-1], stop, step)
            return next_index
        return build_slice3

    def build_slice(frame, stack, fast):
        stop = stack.pop()
        stack[-1] = slice(stack[-1], stop)
        return next_index
    return build_slice


# -- building containers --------------------------------------------------------------

def _popped(stack, count):
    if not count:
        return []
    items = stack[-count:]
    del stack[-count:]
    return items


def BUILD_TUPLE(operand, next_index, code):
    count = operand

    def build_tuple(frame, stack, fast):
        if count:
            items = _tuple(stack[-count:])
            del stack[-count:]
            stack.append(items)
        else:
            stack.append(())
        return next_index
    return build_tuple


def BUILD_LIST(operand, next_index, code):
    count = operand

    def build_list(frame, stack, fast):
        if count:
            items = stack[-count:]
            del stack[-count:]
            stack.append(items)
        else:
            stack.append([])
        return next_index
    return build_list


def BUILD_SET(operand, next_index, code):
    count = operand

    def build_set(frame, stack, fast):
        items = set(_popped(stack, count))
        stack.append(items)
        return next_index
    return build_set


def BUILD_MAP(operand, next_index, code):
    count = operand * 2

    def build_map(frame, stack, fast):
        items = _popped(stack, count)
        result = {}
        for index in range(0, count, 2):
            result[items[index]] = items[index + 1]
        stack.append(result)
        return next_index
    return build_map


def BUILD_CONST_KEY_MAP(operand, next_index, code):
    count = operand

    def build_const_key_map(frame, stack, fast):
        keys = stack.pop()
        values = _popped(stack, count)
        stack.append(dict(zip(keys, values)))
        return next_index
    return build_const_key_map


def BUILD_STRING(operand, next_index, code):
    count = operand

    def build_string(frame, stack, fast):
        stack.append("".join(_popped(stack, count)))
        return next_index
    return build_string


def LIST_APPEND(operand, next_index, code):
    position = -operand

    def list_append(frame, stack, fast):
        value = stack.pop()
        stack[position].append(value)
        return next_index
    return list_append


def SET_ADD(operand, next_index, code):
    position = -operand

    def set_add(frame, stack, fast):
        value = stack.pop()
        stack[position].add(value)
        return next_index
    return set_add


def MAP_ADD(operand, next_index, code):
    position = -operand

    def map_add(frame, stack, fast):
        value = stack.pop()
        key = stack.pop()
        stack[position][key] = value
        return next_index
    return map_add


def LIST_EXTEND(operand, next_index, code):
    position = -operand

    def list_extend(frame, stack, fast):
        iterable = stack.pop()
        try:
            stack[position].extend(iterable)
        except TypeError:
            if not (hasattr(type(iterable), "__iter__") or hasattr(type(iterable), "__getitem__")):
                raise TypeError("Value after * must be an iterable, not %s"
                                % type(iterable).__name__) from None
            raise
        return next_index
    return list_extend


def SET_UPDATE(operand, next_index, code):
    position = -operand

    def set_update(frame, stack, fast):
        iterable = stack.pop()
        stack[position].update(iterable)
        return next_index
    return set_update


def DICT_UPDATE(operand, next_index, code):
    position = -operand

    def dict_update(frame, stack, fast):
        mapping = stack.pop()
        try:
            stack[position].update(mapping)
        except AttributeError:
            raise TypeError("'%s' object is not a mapping" % type(mapping).__name__) from None
        return next_index
    return dict_update


def DICT_MERGE(operand, next_index, code):
    position = -operand

    def dict_merge(frame, stack, fast):
        mapping = stack.pop()
        target = stack[position]
        function = stack[position - 2]
        if not hasattr(mapping, "keys"):
            raise TypeError("%s argument after ** must be a mapping, not %s"
                            % (_function_description(function), type(mapping).__name__))
        for key in mapping.keys():
            if key in target:
                raise TypeError("%s got multiple values for keyword argument '%s'"
                                % (_function_description(function), key))
            target[key] = mapping[key]
        return next_index
    return dict_merge


def _function_description(function):
    qualname = getattr(function, "__qualname__", None)
    if qualname is None:
        return "%s object" % type(function).__name__
    module = getattr(function, "__module__", None)
    if isinstance(module, str) and module != "builtins":
        return "%s.%s()" % (module, qualname)
    return "%s()" % qualname


def LIST_TO_TUPLE(operand, next_index, code):
    def list_to_tuple(frame, stack, fast):
        stack[-1] = _tuple(stack[-1])
        return next_index
    return list_to_tuple


def FORMAT_VALUE(operand, next_index, code):
    conversion = operand & 3
    has_spec = operand & opcodes.FORMAT_HAS_SPEC

    def format_value(frame, stack, fast):
        spec = stack.pop() if has_spec else ""
        value = stack[-1]
        if conversion == 1:
            value = str(value)
        elif conversion == 2:
            value = repr(value)
        elif conversion == 3:
            value = ascii(value)
        stack[-1] = format(value, spec)
        return next_index
    return format_value


def UNPACK_SEQUENCE(operand, next_index, code):
    count = operand

    def unpack_sequence(frame, stack, fast):
        sequence = stack.pop()
        kind = type(sequence)
        if (kind is tuple or kind is list) and _len(sequence) == count:
            stack.extend(sequence[::-1])
            return next_index
        items = _unpack_items(sequence, count)
        items.reverse()
        stack.extend(items)
        return next_index
    return unpack_sequence


def _unpack_items(sequence, count):
    try:
        iterator = iter(sequence)
    except TypeError:
        raise TypeError("cannot unpack non-iterable %s object" % type(sequence).__name__) \
            from None
    items = []
    for item in iterator:
        items.append(item)
        if _len(items) > count:
            raise ValueError("too many values to unpack (expected %d)" % count)
    if _len(items) < count:
        raise ValueError("not enough values to unpack (expected %d, got %d)"
                         % (count, _len(items)))
    return items


def UNPACK_EX(operand, next_index, code):
    before = operand & 0xFF
    after = operand >> 8

    def unpack_ex(frame, stack, fast):
        sequence = stack.pop()
        try:
            # Through an iterator: list() would ask the sequence for its length first.
            items = _list(iter(sequence))
        except TypeError:
            if not (hasattr(type(sequence), "__iter__")
                    or hasattr(type(sequence), "__getitem__")):
                raise TypeError("cannot unpack non-iterable %s object"
                                % type(sequence).__name__) from None
            raise
        if _len(items) < before + after:
            raise ValueError("not enough values to unpack (expected at least %d, got %d)"
                             % (before + after, _len(items)))
        tail = items[_len(items) - after:] if after else []
        middle = items[before:_len(items) - after]
        head = items[:before]
        stack.extend(tail[::-1])
        stack.append(middle)
        stack.extend(head[::-1])
        return next_index
    return unpack_ex


# -- control flow ----------------------------------------------------------------------

def JUMP(operand, next_index, code):
    target = operand

    def jump(frame, stack, fast):
        return target
    return jump


def POP_JUMP_IF_FALSE(operand, next_index, code):
    target = operand

    def pop_jump_if_false(frame, stack, fast):
        if stack.pop():
            return next_index
        return target
    return pop_jump_if_false


def POP_JUMP_IF_TRUE(operand, next_index, code):
    target = operand

    def pop_jump_if_true(frame, stack, fast):
        if stack.pop():
            return target
        return next_index
    return pop_jump_if_true


def POP_JUMP_IF_NONE(operand, next_index, code):
    target = operand

    def pop_jump_if_none(frame, stack, fast):
        if stack.pop() is None:
            return target
        return next_index
    return pop_jump_if_none


def POP_JUMP_IF_NOT_NONE(operand, next_index, code):
    target = operand

    def pop_jump_if_not_none(frame, stack, fast):
        if stack.pop() is not None:
            return target
        return next_index
    return pop_jump_if_not_none


def JUMP_IF_FALSE_OR_POP(operand, next_index, code):
    target = operand

    def jump_if_false_or_pop(frame, stack, fast):
        if stack[-1]:
            stack.pop()
            return next_index
        return target
    return jump_if_false_or_pop


def JUMP_IF_TRUE_OR_POP(operand, next_index, code):
    target = operand

    def jump_if_true_or_pop(frame, stack, fast):
        if stack[-1]:
            return target
        stack.pop()
        return next_index
    return jump_if_true_or_pop


def GET_ITER(operand, next_index, code):
    def get_iter(frame, stack, fast):
        stack[-1] = iter(stack[-1])
        return next_index
    return get_iter


def FOR_ITER(operand, next_index, code):
    target = operand

    def for_iter(frame, stack, fast):
        try:
            stack.append(_next(stack[-1]))
        except StopIteration:
            stack.pop()
            return target
        return next_index
    return for_iter


def RETURN_VALUE(operand, next_index, code):
    def return_value(frame, stack, fast):
        frame.return_value = stack.pop()
        return RETURN
    return return_value


def PRINT_EXPR(operand, next_index, code):
    def print_expr(frame, stack, fast):
        frame.interpreter.display(stack.pop())
        return next_index
    return print_expr


# -- calls and functions ----------------------------------------------------------------

def CALL(operand, next_index, code):
    count = operand

    def call(frame, stack, fast):
        if count:
            arguments = stack[-count:]
            del stack[-count:]
        else:
            arguments = []
        function = stack[-1]
        kind = type(function)
        if kind is MethodType:
            inner = function.__func__
            if type(inner) is Function and not inner.kind:
                arguments.insert(0, function.__self__)
                function = inner
                kind = Function
        if kind is Function and not function.kind:
            stack.pop()
            frame.callee = function.interpreter.enter(function, arguments, None, frame)
            frame.resume_index = next_index
            return CALL_FRAME
        # Host code may look at this frame (sys._getframe, warnings): give it the line.
        frame.resume_index = next_index
        stack[-1] = function(*arguments)
        return next_index
    return call


def CALL_METHOD(operand, next_index, code):
    count = operand

    # The stack ends with the function, the owner (NULL when LOAD_METHOD found no
    # unbound method) and the arguments; one slice takes the owner with the arguments.
    owner_position = -count - 1

    def call_method(frame, stack, fast):
        arguments = stack[owner_position:]
        del stack[owner_position:]
        if arguments[0] is NULL:
            del arguments[0]
        function = stack[-1]
        kind = type(function)
        if kind is MethodType:
            inner = function.__func__
            if type(inner) is Function and not inner.kind:
                arguments.insert(0, function.__self__)
                function = inner
                kind = Function
        if kind is Function and not function.kind:
            stack.pop()
            frame.callee = function.interpreter.enter(function, arguments, None, frame)
            frame.resume_index = next_index
            return CALL_FRAME
        frame.resume_index = next_index
        stack[-1] = function(*arguments)
        return next_index
    return call_method


def CALL_KW(operand, next_index, code):
    count = operand

    def call_kw(frame, stack, fast):
        names = stack.pop()
        values = stack[-count:]
        del stack[-count:]
        positional_count = count - _len(names)
        arguments = values[:positional_count]
        keywords = dict(zip(names, values[positional_count:]))
        function = stack[-1]
        kind = type(function)
        if kind is MethodType:
            inner = function.__func__
            if type(inner) is Function and not inner.kind:
                arguments.insert(0, function.__self__)
                function = inner
                kind = Function
        if kind is Function and not function.kind:
            stack.pop()
            frame.callee = function.interpreter.enter(function, arguments, keywords, frame)
            frame.resume_index = next_index
            return CALL_FRAME
        frame.resume_index = next_index
        stack[-1] = function(*arguments, **keywords)
        return next_index
    return call_kw


def CALL_FUNCTION_EX(operand, next_index, code):
    has_keywords = operand & 1

    def call_function_ex(frame, stack, fast):
        keywords = stack.pop() if has_keywords else None
        arguments = stack.pop()
        function = stack[-1]
        if type(arguments) is not tuple:
            try:
                arguments = _tuple(arguments)
            except TypeError:
                if not (hasattr(type(arguments), "__iter__")
                        or hasattr(type(arguments), "__getitem__")):
                    raise TypeError("%s argument after * must be an iterable, not %s"
                                    % (_function_description(function),
                                       type(arguments).__name__)) from None
                raise
        if keywords is not None and type(keywords) is not dict:
            if not hasattr(keywords, "keys"):
                raise TypeError("%s argument after ** must be a mapping, not %s"
                                % (_function_description(function), type(keywords).__name__))
            keywords = dict(keywords)
        kind = type(function)
        target = function
        positional = arguments
        if kind is MethodType and type(function.__func__) is Function \
                and not function.__func__.kind:
            target = function.__func__
            positional = (function.__self__,) + arguments
            kind = Function
        if kind is Function and not target.kind:
            stack.pop()
            frame.callee = target.interpreter.enter(target, _list(positional), keywords, frame)
            frame.resume_index = next_index
            return CALL_FRAME
        frame.resume_index = next_index
        if keywords:
            stack[-1] = function(*arguments, **keywords)
        else:
            stack[-1] = function(*arguments)
        return next_index
    return call_function_ex


def MAKE_FUNCTION(operand, next_index, code):
    flags = operand

    def make_function(frame, stack, fast):
        function_code = stack.pop()
        closure = stack.pop() if flags & opcodes.FUNCTION_CLOSURE else None
        annotations = stack.pop() if flags & opcodes.FUNCTION_ANNOTATIONS else None
        kwdefaults = stack.pop() if flags & opcodes.FUNCTION_KWDEFAULTS else None
        defaults = stack.pop() if flags & opcodes.FUNCTION_DEFAULTS else None
        stack.append(Function.make(function_code, frame.f_globals, frame.interpreter,
                                   defaults, kwdefaults, closure, annotations))
        return next_index
    return make_function


def IMPORT_NAME(operand, next_index, code):
    name = code.co_names[operand]

    def import_name(frame, stack, fast):
        fromlist = stack.pop()
        level = stack.pop()
        stack.append(frame.interpreter.import_name(frame, name, fromlist, level))
        return next_index
    return import_name


def IMPORT_FROM(operand, next_index, code):
    name = code.co_names[operand]

    def import_from(frame, stack, fast):
        stack.append(frame.interpreter.import_from(stack[-1], name))
        return next_index
    return import_from


def IMPORT_STAR(operand, next_index, code):
    def import_star(frame, stack, fast):
        module = stack.pop()
        namespace = frame.f_locals_mapping
        if namespace is None:
            raise SystemError("no locals found during 'import *'")
        names = getattr(module, "__all__", None)
        if names is None:
            names = [key for key in module.__dict__ if not key.startswith("_")]
        for key in names:
            namespace[key] = getattr(module, key)
        return next_index
    return import_star


# -- exceptions ------------------------------------------------------------------------------

def _as_exception(value, what="exceptions"):
    if isinstance(value, type) and issubclass(value, BaseException):
        instance = value()
        if not isinstance(instance, BaseException):
            raise TypeError("calling %r should have returned an instance of BaseException, "
                            "not %s" % (value, type(instance).__name__))
        return instance
    if isinstance(value, BaseException):
        return value
    raise TypeError("%s must derive from BaseException" % what)


def RAISE_VARARGS(operand, next_index, code):
    count = operand

    def raise_varargs(frame, stack, fast):
        if count == 0:
            exception = frame.interpreter.current_handled()
            if exception is None:
                raise RuntimeError("No active exception to reraise")
            frame.exit_index = next_index - 1
            frame.reraising = True
            raise exception
        if count == 2:
            cause = stack.pop()
            exception = _as_exception(stack.pop())
            if cause is None:
                exception.__cause__ = None
            else:
                if isinstance(cause, type) and issubclass(cause, BaseException):
                    cause = cause()
                elif not isinstance(cause, BaseException):
                    raise TypeError("exception causes must derive from BaseException")
                exception.__cause__ = cause
        else:
            exception = _as_exception(stack.pop())
        # Raising chains to the exception being handled, whatever context the
        # exception had (it may be raised a second time).
        frame.interpreter.chain_to_handled(exception, replace=True)
        raise exception
    return raise_varargs


def RERAISE(operand, next_index, code):
    # With an operand, the stack holds the index of the instruction that first raised
    # (pushed for a handler marked "lasti"): the frame reports that one as its last.
    def reraise(frame, stack, fast):
        frame.exit_index = stack[-1 - operand] if operand else next_index - 1
        exception = stack.pop()
        frame.reraising = True
        raise exception
    return reraise


def PUSH_EXC_INFO(operand, next_index, code):
    def push_exc_info(frame, stack, fast):
        exception = stack[-1]
        interpreter = frame.interpreter
        stack[-1] = interpreter.handled
        stack.append(exception)
        interpreter.handled = exception
        return next_index
    return push_exc_info


def POP_EXCEPT(operand, next_index, code):
    def pop_except(frame, stack, fast):
        frame.interpreter.handled = stack.pop()
        return next_index
    return pop_except


def _check_except_type(kind):
    kinds = kind if isinstance(kind, tuple) else (kind,)
    for item in kinds:
        if not (isinstance(item, type) and issubclass(item, BaseException)):
            raise TypeError("catching classes that do not inherit from BaseException "
                            "is not allowed")


def CHECK_EXC_MATCH(operand, next_index, code):
    def check_exc_match(frame, stack, fast):
        kind = stack.pop()
        _check_except_type(kind)
        stack.append(_isinstance(stack[-1], kind))
        return next_index
    return check_exc_match


def CHECK_EG_MATCH(operand, next_index, code):
    def check_eg_match(frame, stack, fast):
        kind = stack.pop()
        _check_except_type(kind)
        kinds = kind if isinstance(kind, tuple) else (kind,)
        for item in kinds:
            if issubclass(item, BaseExceptionGroup):
                raise TypeError("catching ExceptionGroup with except* is not allowed. "
                                "Use except instead.")
        group = stack.pop()
        if group is None:
            stack.append(None)
            stack.append(None)
            return next_index
        if _isinstance(group, BaseExceptionGroup):
            match, rest = group.split(kind)
        elif _isinstance(group, kind):
            match, rest = BaseExceptionGroup("", [group]), None
            if _isinstance(group, Exception):
                match = ExceptionGroup("", [group])
            _copy_traceback(group, match)
        else:
            match, rest = None, group
        if match is not None:
            _copy_traceback(group, match)
            frame.interpreter.handled = match
        stack.append(rest)
        stack.append(match)
        return next_index
    return check_eg_match


def _copy_traceback(source, target):
    entries = getattr(source, "__pvm_traceback__", None)
    if entries is not None and target is not source:
        target.__pvm_traceback__ = list(entries)


def PREP_RERAISE_STAR(operand, next_index, code):
    def prep_reraise_star(frame, stack, fast):
        raised = stack.pop()
        original = stack.pop()
        stack.append(frame.interpreter.combine_except_star(original, raised))
        return next_index
    return prep_reraise_star


def WITH_EXCEPT_START(operand, next_index, code):
    def with_except_start(frame, stack, fast):
        exception = stack[-1]
        exit_function = stack[-4]
        # The guest's traceback, as sys.exc_info() gives it: __exit__ may put it back
        # on the exception (contextlib does) and must find the frames it had.
        stack.append(exit_function(type(exception), exception,
                                   guest_traceback.traceback_of(exception)))
        return next_index
    return with_except_start


def BEFORE_WITH(operand, next_index, code):
    def before_with(frame, stack, fast):
        manager = stack.pop()
        kind = type(manager)
        try:
            enter = kind.__enter__
            exit_function = kind.__exit__
        except AttributeError:
            missing = "__enter__" if not hasattr(kind, "__enter__") else "__exit__"
            raise TypeError("'%s' object does not support the context manager protocol"
                            % kind.__name__ + ("" if missing == "__enter__" else
                                               " (missed __exit__ method)")) from None
        stack.append(MethodType(exit_function, manager))
        stack.append(enter(manager))
        return next_index
    return before_with


def BEFORE_ASYNC_WITH(operand, next_index, code):
    def before_async_with(frame, stack, fast):
        manager = stack.pop()
        kind = type(manager)
        enter = getattr(kind, "__aenter__", None)
        exit_function = getattr(kind, "__aexit__", None)
        if enter is None or exit_function is None:
            raise TypeError("'%s' object does not support the asynchronous context manager "
                            "protocol%s" % (kind.__name__, "" if enter is None
                                            else " (missed __aexit__ method)"))
        stack.append(MethodType(exit_function, manager))
        stack.append(enter(manager))
        return next_index
    return before_async_with


# -- pattern matching ---------------------------------------------------------------------

def GET_LEN(operand, next_index, code):
    def get_len(frame, stack, fast):
        stack.append(_len(stack[-1]))
        return next_index
    return get_len


# The type flags CPython's MATCH_SEQUENCE and MATCH_MAPPING test.  The host sets them
# on the guest's classes too: on list, dict and the like, on classes that derive from
# one of those or from the guest's collections.abc.Sequence or Mapping (the host's _abc
# reads their __abc_tpflags__), and on classes registered with those ABCs.
_TPFLAGS_SEQUENCE = 1 << 5
_TPFLAGS_MAPPING = 1 << 6


def MATCH_MAPPING(operand, next_index, code):
    def match_mapping(frame, stack, fast):
        stack.append(bool(type(stack[-1]).__flags__ & _TPFLAGS_MAPPING))
        return next_index
    return match_mapping


def MATCH_SEQUENCE(operand, next_index, code):
    def match_sequence(frame, stack, fast):
        stack.append(bool(type(stack[-1]).__flags__ & _TPFLAGS_SEQUENCE))
        return next_index
    return match_sequence


def MATCH_KEYS(operand, next_index, code):
    def match_keys(frame, stack, fast):
        stack.append(_match_keys(stack[-2], stack[-1]))
        return next_index
    return match_keys


def _match_keys(subject, keys):
    """The values of ``keys`` in ``subject``, or None if one is missing."""
    if not keys:
        return ()
    # get(key, default) tells a missing key from any value in one call, and does not
    # make a defaultdict create the key.
    getter = subject.get
    missing = object()
    seen = set()
    values = []
    for key in keys:
        if key in seen:
            raise ValueError("mapping pattern checks duplicate key (%r)" % (key,))
        seen.add(key)
        value = getter(key, missing)
        if value is missing:
            return None
        values.append(value)
    return _tuple(values)


def MATCH_CLASS(operand, next_index, code):
    positional_count = operand

    def match_class(frame, stack, fast):
        names = stack.pop()
        kind = stack.pop()
        subject = stack.pop()
        stack.append(_match_class(subject, kind, positional_count, names))
        return next_index
    return match_class


_SELF_MATCHING = (bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple)


def _match_class(subject, kind, positional_count, names):
    if not isinstance(kind, type):
        raise TypeError("called match pattern must be a class")
    if not isinstance(subject, kind):
        return None
    attributes = []
    seen = set()
    if positional_count:
        match_args = getattr(kind, "__match_args__", None)
        if match_args is None:
            if any(issubclass(kind, builtin) for builtin in _SELF_MATCHING) and \
                    kind.__dict__.get("__match_args__") is None:
                if positional_count > 1:
                    raise TypeError("%s() accepts 1 positional sub-pattern (%d given)"
                                    % (kind.__name__, positional_count))
                attributes.append(subject)
                positional_names = ()
            else:
                positional_names = ()
                raise TypeError("%s() accepts 0 positional sub-patterns (%d given)"
                                % (kind.__name__, positional_count))
        else:
            if not isinstance(match_args, tuple):
                raise TypeError("%s.__match_args__ must be a tuple (got %s)"
                                % (kind.__name__, type(match_args).__name__))
            if positional_count > len(match_args):
                raise TypeError("%s() accepts %d positional sub-pattern%s (%d given)"
                                % (kind.__name__, len(match_args),
                                   "" if len(match_args) == 1 else "s", positional_count))
            positional_names = match_args[:positional_count]
        for name in positional_names:
            if not isinstance(name, str):
                raise TypeError("__match_args__ elements must be strings (got %s)"
                                % type(name).__name__)
            if name in seen:
                raise TypeError("%s() got multiple sub-patterns for attribute %r"
                                % (kind.__name__, name))
            seen.add(name)
            try:
                attributes.append(getattr(subject, name))
            except AttributeError:
                return None
    for name in names:
        if name in seen:
            raise TypeError("%s() got multiple sub-patterns for attribute %r"
                            % (kind.__name__, name))
        seen.add(name)
        try:
            attributes.append(getattr(subject, name))
        except AttributeError:
            return None
    return _tuple(attributes)


# -- generators and coroutines ------------------------------------------------------------

def YIELD_VALUE(operand, next_index, code):
    def yield_value(frame, stack, fast):
        frame.return_value = stack.pop()
        frame.resume_index = next_index
        return YIELD
    return yield_value


def SEND(operand, next_index, code):
    target = operand

    def send(frame, stack, fast):
        value = stack.pop()
        iterator = stack[-1]
        try:
            # pvm's own generators and coroutines are resumed directly (a coroutine
            # awaited in place has no __next__, as in CPython).
            if type(iterator) in _RESUMABLE:
                result = iterator._resume(value)
            elif value is None:
                result = _next(iterator)
            else:
                result = iterator.send(value)
        except StopIteration as stop:
            stack[-1] = stop.value
            return target
        stack.append(result)
        return next_index
    return send


def GET_YIELD_FROM_ITER(operand, next_index, code):
    # A generator made a coroutine (types.coroutine) may yield from a coroutine.
    accepts_coroutines = code.co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE)

    def get_yield_from_iter(frame, stack, fast):
        value = stack[-1]
        if type(value) is Coroutine:
            if not accepts_coroutines:
                raise TypeError("cannot 'yield from' a coroutine object in a "
                                "non-coroutine generator")
            return next_index
        stack[-1] = iter(value)
        return next_index
    return get_yield_from_iter


def GET_AWAITABLE(operand, next_index, code):
    def get_awaitable(frame, stack, fast):
        stack[-1] = frame.interpreter.awaitable_iterator(stack[-1], operand)
        return next_index
    return get_awaitable


def GET_AITER(operand, next_index, code):
    def get_aiter(frame, stack, fast):
        value = stack[-1]
        method = getattr(type(value), "__aiter__", None)
        if method is None:
            raise TypeError("'async for' requires an object with __aiter__ method, got %s"
                            % type(value).__name__)
        iterator = method(value)
        if not hasattr(type(iterator), "__anext__"):
            raise TypeError("'async for' received an object from __aiter__ that does not "
                            "implement __anext__: %s" % type(iterator).__name__)
        stack[-1] = iterator
        return next_index
    return get_aiter


def GET_ANEXT(operand, next_index, code):
    def get_anext(frame, stack, fast):
        iterator = stack[-1]
        method = getattr(type(iterator), "__anext__", None)
        if method is None:
            raise TypeError("'async for' requires an iterator with __anext__ method, got %s"
                            % type(iterator).__name__)
        awaitable = method(iterator)
        try:
            awaitable = frame.interpreter.awaitable_iterator(awaitable,
                                                             opcodes.AWAIT_EXPRESSION)
        except Exception as error:
            # Its host traceback would keep this handler's locals (the iterator) alive.
            error.__traceback__ = None
            raise TypeError("'async for' received an invalid object from __anext__: %s"
                            % type(awaitable).__name__) from error
        stack.append(awaitable)
        return next_index
    return get_anext


def END_ASYNC_FOR(operand, next_index, code):
    def end_async_for(frame, stack, fast):
        exception = stack.pop()
        if _isinstance(exception, StopAsyncIteration):
            stack.pop()
            return next_index
        frame.exit_index = next_index - 1
        frame.reraising = True
        raise exception
    return end_async_for


def ASYNC_GEN_WRAP(operand, next_index, code):
    def async_gen_wrap(frame, stack, fast):
        stack[-1] = AsyncGeneratorValue(stack[-1])
        return next_index
    return async_gen_wrap


# The dispatch table, derived from the specification: FACTORIES[opcode number].
FACTORIES = [None] * opcodes.OPCODE_COUNT
for _spec in opcodes.OPCODES:
    if not _spec.pseudo:
        FACTORIES[_spec.number] = globals()[_spec.name]
del _spec
