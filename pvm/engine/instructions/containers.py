"""Building containers.  The instructions that add to a container under construction
(LIST_APPEND ... DICT_MERGE) are raw: the container is ``operand`` places down in the
stack and stays there."""

from pvm.engine.instructions.define import instruction, variant
from pvm.engine.instructions.support import function_description, unpack_items
from pvm.opcodes import FORMAT_HAS_SPEC


@instruction
def BUILD_TUPLE(*items):
    return tuple(items)


@instruction
def BUILD_LIST(*items):
    return items


@instruction
def BUILD_SET(*items):
    return set(items)


@instruction
def BUILD_MAP(*items, count):
    result = {}
    for position in range(0, 2 * count, 2):
        result[items[position]] = items[position + 1]
    return result


# The values, then the tuple of keys on top: one variable input takes them all.
@instruction
def BUILD_CONST_KEY_MAP(*values):
    keys = values.pop()
    return dict(zip(keys, values))


@instruction
def BUILD_STRING(*pieces):
    return "".join(pieces)


# -- adding to a container under construction ------------------------------------------------

@instruction(raw=True)
def LIST_APPEND(*, stack, operand):
    value = stack.pop()
    stack[-operand].append(value)


@instruction(raw=True)
def SET_ADD(*, stack, operand):
    value = stack.pop()
    stack[-operand].add(value)


@instruction(raw=True)
def MAP_ADD(*, stack, operand):
    value = stack.pop()
    key = stack.pop()
    stack[-operand][key] = value


@instruction(raw=True)
def LIST_EXTEND(*, stack, operand):
    iterable = stack.pop()
    try:
        stack[-operand].extend(iterable)
    except TypeError:
        if not (hasattr(type(iterable), "__iter__") or hasattr(type(iterable), "__getitem__")):
            raise TypeError("Value after * must be an iterable, not %s"
                            % type(iterable).__name__) from None
        raise


@instruction(raw=True)
def SET_UPDATE(*, stack, operand):
    iterable = stack.pop()
    stack[-operand].update(iterable)


@instruction(raw=True)
def DICT_UPDATE(*, stack, operand):
    mapping = stack.pop()
    target = stack[-operand]
    # PyDict_Update: a mapping's keys(), then its items; not dict.update's iterable of
    # pairs ({**[]} is an error).  Any AttributeError becomes CPython's message.  (Given
    # a dict, dict.update merges as PyDict_Update does, subclasses included.)
    try:
        if isinstance(mapping, dict):
            target.update(mapping)
        else:
            for key in mapping.keys():
                target[key] = mapping[key]
    except AttributeError:
        raise TypeError("'%s' object is not a mapping" % type(mapping).__name__) from None


# The function being called is two places under the dict of keywords (under the tuple
# of positional arguments): the messages name it.
@instruction(raw=True)
def DICT_MERGE(*, stack, operand):
    mapping = stack.pop()
    target = stack[-operand]
    function = stack[-operand - 2]
    if not hasattr(mapping, "keys"):
        raise TypeError("%s argument after ** must be a mapping, not %s"
                        % (function_description(function), type(mapping).__name__))
    for key in mapping.keys():
        if key in target:
            raise TypeError("%s got multiple values for keyword argument '%s'"
                            % (function_description(function), key))
        target[key] = mapping[key]


@instruction
def LIST_TO_TUPLE(items):
    return tuple(items)


# -- f-strings ------------------------------------------------------------------------------

# The conversion is in the operand's low two bits; the plain form has no spec.
@instruction
def FORMAT_VALUE(value, *, operand):
    conversion = operand & 3
    if conversion == 1:
        value = str(value)
    elif conversion == 2:
        value = repr(value)
    elif conversion == 3:
        value = ascii(value)
    return format(value, "")


@variant("FORMAT_VALUE", when=lambda operand: (operand & FORMAT_HAS_SPEC) != 0)
def FORMAT_VALUE_WITH_SPEC(value, spec, *, operand):
    conversion = operand & 3
    if conversion == 1:
        value = str(value)
    elif conversion == 2:
        value = repr(value)
    elif conversion == 3:
        value = ascii(value)
    return format(value, spec)


# -- unpacking: as many outputs as the operand says ----------------------------------------

@instruction(raw=True)
def UNPACK_SEQUENCE(*, stack, count):
    sequence = stack.pop()
    kind = type(sequence)
    if (kind is tuple or kind is list) and len(sequence) == count:
        stack.extend(sequence[::-1])
    else:
        items = unpack_items(sequence, count)
        items.reverse()
        stack.extend(items)


# Two and three items, the common counts, are the host's own unpacking: its errors are
# CPython's, and no list is made.  (Outputs are deepest first: the first item on top.)
@variant("UNPACK_SEQUENCE", when=lambda count: count == 2)
def UNPACK_TWO(sequence):
    first, second = sequence
    return second, first


@variant("UNPACK_SEQUENCE", when=lambda count: count == 3)
def UNPACK_THREE(sequence):
    first, second, third = sequence
    return third, second, first


@instruction(raw=True)
def UNPACK_EX(*, stack, operand):
    leading = operand & 0xFF
    trailing = operand >> 8
    sequence = stack.pop()
    try:
        # Through an iterator: list() would ask the sequence for its length first.
        items = list(iter(sequence))
    except TypeError:
        if not (hasattr(type(sequence), "__iter__")
                or hasattr(type(sequence), "__getitem__")):
            raise TypeError("cannot unpack non-iterable %s object"
                            % type(sequence).__name__) from None
        raise
    if len(items) < leading + trailing:
        raise ValueError("not enough values to unpack (expected at least %d, got %d)"
                         % (leading + trailing, len(items)))
    tail = items[len(items) - trailing:] if trailing else []
    middle = items[leading:len(items) - trailing]
    head = items[:leading]
    stack.extend(tail[::-1])
    stack.append(middle)
    stack.extend(head[::-1])


# ``first, *rest = sequence``, the common shape: the host's own unpacking (its errors
# are CPython's, and the list of the rest is the one it makes); the others as above.
@variant("UNPACK_EX", when=lambda operand: operand == 1)
def UNPACK_FIRST_AND_REST(sequence):
    first, *rest = sequence
    return rest, first
