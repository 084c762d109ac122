"""Pattern matching (match statements)."""

from pvm.engine.instructions.define import instruction
from pvm.engine.instructions.support import (TPFLAGS_MAPPING, TPFLAGS_SEQUENCE, match_class,
                                             match_keys)


@instruction
def GET_LEN(subject):
    return subject, len(subject)


@instruction
def MATCH_MAPPING(subject):
    return subject, bool(type(subject).__flags__ & TPFLAGS_MAPPING)


@instruction
def MATCH_SEQUENCE(subject):
    return subject, bool(type(subject).__flags__ & TPFLAGS_SEQUENCE)


@instruction
def MATCH_KEYS(subject, keys):
    return subject, keys, match_keys(subject, keys)


# The operand is the number of positional sub-patterns; names are the keyword ones.
@instruction
def MATCH_CLASS(subject, kind, names, *, count):
    return match_class(subject, kind, count, names)
