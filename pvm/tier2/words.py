"""Values as 64-bit words: how machine code hands values to Python (a result, the
guest's state at an exit) and takes them (arguments).

An int is its word, a float its bits, a bool 0 or 1, a tuple its items' words in
order, a range its start, stop and step, a list the address of its native list; None
and known objects take no word (the reader knows them from the type).
"""

import struct

from llvmlite import ir

from pvm.ir.types import BOOL, FLOAT, INT, NONE, RANGE, Known, ListType, TupleType

I64 = ir.IntType(64)

_PACK_FLOAT = struct.Struct("<d").pack
_UNPACK_FLOAT = struct.Struct("<d").unpack
_PACK_WORD = struct.Struct("<q").pack
_UNPACK_WORD = struct.Struct("<q").unpack


def count(value_type):
    """How many words a value of ``value_type`` takes."""
    if value_type in (INT, FLOAT, BOOL) or isinstance(value_type, ListType):
        return 1
    if value_type is NONE or isinstance(value_type, Known):
        return 0
    if isinstance(value_type, TupleType):
        return sum(count(item) for item in value_type.items)
    if value_type is RANGE:
        return 3
    raise TypeError("no words for %s" % value_type)


def to_words(builder, lowered, value_type):
    """[(word, type)] of an LLVM value, in machine code."""
    if value_type is INT:
        return [(lowered, INT)]
    if value_type is FLOAT:
        return [(builder.bitcast(lowered, I64), FLOAT)]
    if value_type is BOOL:
        return [(builder.zext(lowered, I64), BOOL)]
    if isinstance(value_type, ListType):
        return [(builder.ptrtoint(lowered, I64), value_type)]
    if value_type is NONE or isinstance(value_type, Known):
        return []
    if isinstance(value_type, TupleType):
        return [pair for item, item_type in zip(lowered, value_type.items)
                for pair in to_words(builder, item, item_type)]
    if value_type is RANGE:
        return [(part, INT) for part in lowered]
    raise TypeError("no words for %s" % value_type)


def float_from_word(word):
    return _UNPACK_FLOAT(_PACK_WORD(word))[0]


def word_from_float(value):
    return _UNPACK_WORD(_PACK_FLOAT(value))[0]


def box(value_type, word_iterator, box_list):
    """The Python value of the next words (``box_list(address, item_type)`` makes a
    Python list of a native one)."""
    if value_type is INT:
        return next(word_iterator)
    if value_type is FLOAT:
        return float_from_word(next(word_iterator))
    if value_type is BOOL:
        return bool(next(word_iterator))
    if value_type is NONE:
        return None
    if isinstance(value_type, Known):
        return value_type.value
    if isinstance(value_type, ListType):
        return box_list(next(word_iterator), value_type.item)
    if isinstance(value_type, TupleType):
        return tuple(box(item, word_iterator, box_list) for item in value_type.items)
    if value_type is RANGE:
        return range(next(word_iterator), next(word_iterator), next(word_iterator))
    raise TypeError("no words for %s" % value_type)
