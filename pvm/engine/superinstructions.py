"""The superinstructions: runs of instructions that run as one handler.

Each row names a sequence of opcodes; ``pvm.engine.generate`` joins their definitions
into one handler, and decoding puts it where the sequence occurs (no jump may land
inside, and no protected range may start or end inside).  Nothing here says what an
instruction does: that is in ``pvm.engine.instructions``, once.

Which rows pay is measured, not guessed: ``python3 scripts/instruction_profile.py``
prints the commonest executed sequences over the benchmarks and the program corpus.
"""

_LOADS = ("LOAD_FAST", "LOAD_CONST")


def _with_each(prefix, choices, suffix):
    return tuple(prefix + (choice,) + suffix for choice in choices)


ROWS = (
    # Method calls: o.m(), o.m(x), o.m(x, y), and the same on an attribute, o.a.m(x).
    ("LOAD_FAST", "LOAD_METHOD", "CALL_METHOD"),
    *_with_each(("LOAD_FAST", "LOAD_METHOD"), _LOADS, ("CALL_METHOD",)),
    ("LOAD_FAST", "LOAD_METHOD", "LOAD_FAST", "LOAD_FAST", "CALL_METHOD"),
    ("LOAD_FAST", "LOAD_ATTR", "LOAD_METHOD", "CALL_METHOD"),
    *_with_each(("LOAD_FAST", "LOAD_ATTR", "LOAD_METHOD"), _LOADS, ("CALL_METHOD",)),
    # Calls of globals: f(), f(x), f(x, y).
    ("LOAD_GLOBAL", "CALL"),
    *_with_each(("LOAD_GLOBAL",), _LOADS, ("CALL",)),
    ("LOAD_GLOBAL", "LOAD_FAST", "LOAD_FAST", "CALL"),
    # Tests and branches.
    *_with_each(("LOAD_FAST", "LOAD_CONST", "IS_OP"), ("POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE"),
                ()),
    *(("LOAD_FAST", load, "COMPARE_OP", branch) for load in _LOADS
      for branch in ("POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE")),
    # Attributes: read and tested, returned, kept; written; updated in place (o.a += x).
    *_with_each(("LOAD_FAST", "LOAD_ATTR"), ("POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE",
                                              "JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP",
                                              "RETURN_VALUE", "STORE_FAST"), ()),
    ("LOAD_FAST", "LOAD_ATTR", "UNARY_NOT"),
    *(("LOAD_FAST", "COPY", "LOAD_ATTR", load, "BINARY_OP", "SWAP", "STORE_ATTR")
      for load in _LOADS),
    ("LOAD_FAST", "LOAD_ATTR", "LOAD_ATTR"),
    ("LOAD_FAST", "STORE_ATTR"),
    # Items updated in place (x[i] += y): the item read, then the result stored.
    *(("LOAD_FAST", load, "COPY", "COPY", "BINARY_SUBSCR") for load in _LOADS),
    ("BINARY_OP", "SWAP", "SWAP", "STORE_SUBSCR"),
    *_with_each((), _LOADS, ("LOAD_FAST", "STORE_ATTR")),
    ("LOAD_FAST", "LOAD_ATTR"),
    # Operators on locals and constants.
    *(("LOAD_FAST", load, "BINARY_OP", "STORE_FAST") for load in _LOADS),
    *(("LOAD_FAST", load, operator) for load in _LOADS
      for operator in ("BINARY_OP", "COMPARE_OP", "BINARY_SUBSCR")),
    # Operands of what follows: a loaded attribute with a local, two attributes and
    # their operator, an item, a test of membership or of a comparison.
    ("LOAD_FAST", "LOAD_ATTR", "LOAD_FAST"),
    ("LOAD_FAST", "LOAD_ATTR", "LOAD_FAST", "BINARY_SUBSCR"),
    ("LOAD_FAST", "LOAD_ATTR", "LOAD_FAST", "LOAD_ATTR"),
    ("LOAD_FAST", "LOAD_ATTR", "LOAD_FAST", "LOAD_ATTR", "BINARY_OP"),
    # ... and added to the sum so far (a.x * b.x + a.y * b.y).
    ("LOAD_FAST", "LOAD_ATTR", "LOAD_FAST", "LOAD_ATTR", "BINARY_OP", "BINARY_OP"),
    ("BINARY_OP", "RETURN_VALUE"),
    ("BINARY_OP", "STORE_FAST"),
    ("LOAD_FAST", "BINARY_SUBSCR"),
    ("LOAD_FAST", "BINARY_OP"),
    ("LOAD_CONST", "BINARY_OP"),
    *(("LOAD_FAST", "LOAD_FAST", "CONTAINS_OP", branch)
      for branch in ("POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE")),
    *(("COMPARE_OP", branch) for branch in ("POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE")),
    ("LOAD_GLOBAL", "LOAD_FAST"),
    ("LOAD_DEREF", "LOAD_ATTR"),
    # Loops, returns and moves.
    ("FOR_ITER", "STORE_FAST", "LOAD_FAST", "LOAD_FAST"),
    ("FOR_ITER", "STORE_FAST", "LOAD_FAST"),
    ("FOR_ITER", "STORE_FAST"),
    ("STORE_FAST", "LOAD_FAST", "LOAD_FAST"),
    ("STORE_FAST", "LOAD_FAST"),
    ("LOAD_FAST", "RETURN_VALUE"),
    ("LOAD_CONST", "RETURN_VALUE"),
    *_with_each((), _LOADS, ("STORE_FAST",)),
    ("LOAD_FAST", "LOAD_FAST"),
    ("LOAD_FAST", "LOAD_CONST"),
)
