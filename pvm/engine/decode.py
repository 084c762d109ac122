"""Decoding: a code object's instructions into the handlers the loop runs.

Each instruction gets the handler its definition's maker returns
(``tier0.FACTORIES``); then, unless fusion is off (``-X fusion=0``), each place where
a superinstruction's row occurs gets that row's handler at its first instruction.  The
single handlers stay in place behind it: instrumentation (tracing, ``-X trace``) runs
them, and a frame resumes at one after a call returns.  A function's first decoding
makes its handlers as its instructions first run (``lazy_handlers``).
"""

import os

from pvm import opcodes
from pvm.code import (CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_OPTIMIZED,
                      INSTRUCTION_SIZE, decode_instructions, instruction_words)
from pvm.engine import tier0

# The superinstructions' makers (generated with tier0) are imported at the first fusion:
# 270 KB of cached code that a process whose functions never get warm does not load.
FUSED_FILE = os.path.join(os.path.dirname(tier0.__file__), "tier0_fused.py")
_rows_by_opening = None
bisect_right = None         # bisect's, imported with the rows (only fusing needs it)


def _load_rows():
    """The rows starting with each pair of opcodes, longest first: most pairs start
    none, and decoding is on every module's start-up path."""
    global _rows_by_opening, bisect_right
    from bisect import bisect_right
    from pvm.engine import tier0_fused
    by_opening = {}
    for row, makers in tier0_fused.SUPERINSTRUCTIONS.items():
        by_opening.setdefault(row[:2], []).append((row, makers))
    for rows in by_opening.values():
        rows.sort(key=lambda item: -len(item[0]))
    _rows_by_opening = by_opening
    return by_opening


def single_handlers(code, pairs=None):
    """One handler per instruction of ``code``."""
    factories = tier0.FACTORIES
    if pairs is None:
        pairs = decode_instructions(code.co_code)
    return [factories[opcode](code, operand, index)
            for index, (opcode, operand) in enumerate(pairs)]


def lazy_handlers(code, decoded):
    """The handlers of ``code`` made as they first run: those at the indexes of
    ``decoded`` now; at the others a stand-in which, when the loop first calls it,
    makes the handlers of the straight-line run from there (``_decode_run``), puts
    them in the list in its place and runs the first.

    A function's first decoding (its superinstructions come when it is warm) leaves
    a third of its instructions never run in `pvm -c pass` (error paths, branches not
    taken): not making their handlers spares the decoding and two objects each that
    the host's collector would walk.  The stand-ins are shared by every code object
    (one per index, made once), so a list of them costs one slice."""
    count = len(code.co_code) // INSTRUCTION_SIZE
    if len(_STAND_INS) < count:
        _STAND_INS.extend(_stand_in(index) for index in range(len(_STAND_INS), count))
    handlers = _STAND_INS[:count]
    factories = tier0.FACTORIES
    words = instruction_words(code.co_code)
    for index in decoded:
        word = words[index]
        handlers[index] = factories[word & 0xFF](code, word >> 8, index)
    return handlers


# The stand-in for the handler at each index (see lazy_handlers).
_STAND_INS = []


def _stand_in(index):
    # Only the loop calls a stand-in, from the list it is in: nothing wraps one (heat
    # counters wrap the handlers made at once; instruments and budgets decode anew).
    def decode_on_first_run(frame, stack, fast, index=index):
        handlers = frame.handlers
        _decode_run(frame.f_code, handlers, index)
        return handlers[index](frame, stack, fast)
    return decode_on_first_run


# (Host code between a loop and the handler it calls: pvm.engine.safe_points.)
STAND_IN_CODE = _stand_in(0).__code__


def decoded_at(code, handlers, index):
    """The handler at ``index`` of ``handlers`` (``code``'s), made now if a stand-in
    holds its place (see lazy_handlers): for a wrapper to wrap, which the stand-in,
    replacing itself on its first run, would drop."""
    handler = handlers[index]
    if index < len(_STAND_INS) and handler is _STAND_INS[index]:
        word = instruction_words(code.co_code)[index]
        handler = handlers[index] = tier0.FACTORIES[word & 0xFF](code, word >> 8, index)
    return handler


def _decode_run(code, handlers, index):
    """Decode the instructions from ``index`` to the first that jumps or leaves (the
    run that goes on from there unless something raises), or to one decoded already."""
    words = instruction_words(code.co_code)
    factories = tier0.FACTORIES
    stand_ins = _STAND_INS
    ends = _ENDS_RUN
    count = len(words)
    while True:
        word = words[index]
        opcode = word & 0xFF
        handlers[index] = factories[opcode](code, word >> 8, index)
        index += 1
        if ends[opcode] or index == count or handlers[index] is not stand_ins[index]:
            return


def handlers_of(code, fusion=True, pairs=None, bounds=(), placed=None):
    """The handlers the loop runs for ``code``; no superinstruction crosses an index
    of ``bounds``, and ``placed`` (a dict) receives where each starts and its length
    (an interpreter with a budget charges at the handlers of chosen instructions: see
    pvm.engine.charging).

    Only functions (and lambdas, comprehensions, generators) get superinstructions:
    module and class bodies almost always run once, and finding the runs costs more at
    start-up than they would save.  (The interpreter asks for them once a function is
    warm: ``FUSION_THRESHOLD``.)"""
    if pairs is None:
        pairs = decode_instructions(code.co_code)
    handlers = single_handlers(code, pairs)
    if fusion and code.co_flags & CO_OPTIMIZED:
        fuse(code, pairs, handlers, bounds, placed)
    return handlers


def fuse(code, pairs, handlers, bounds=(), placed=None):
    """Put superinstructions in ``handlers`` where their rows occur, none crossing an
    index of ``bounds``, each put in ``placed`` ({start: length}) if given; return how
    many."""
    count = len(pairs)
    opcodes_only = [opcode for opcode, _ in pairs]
    by_opening = _rows_by_opening or _load_rows()
    # Where a row may start: most pairs of opcodes start none, and this is on every
    # function's first call, so the search runs in a comprehension.
    starts = [index for index, opening in enumerate(zip(opcodes_only, opcodes_only[1:]))
              if opening in by_opening]
    if not starts:
        return 0
    chosen = [None] * count         # (length, handler) of the best run at each index
    # Boundaries no run may cross: jump targets, and where protected ranges start, end
    # and land (a handler cuts the stack to a depth that a run's locals would miss).
    boundaries = {operand for opcode, operand in pairs if opcode in opcodes.HAS_JUMP}
    boundaries.update(bounds)
    for start, end, target, _depth, _lasti in code.co_exceptiontable:
        boundaries.update((start, end, target))
    boundaries = sorted(boundaries)
    selectors = tier0.SELECTORS
    for index in starts:
        # The first boundary after the index: nothing may land inside the run.
        limit = boundaries[bisect_right(boundaries, index)] \
            if boundaries and boundaries[-1] > index else count
        for row, makers in by_opening[(opcodes_only[index], opcodes_only[index + 1])]:
            end = index + len(row)
            if end > limit or tuple(opcodes_only[index:end]) != row:
                continue
            run = pairs[index:end]
            key = tuple(selectors[opcode](code, operand, at)
                        for at, (opcode, operand) in enumerate(run, index))
            maker = makers.get(key)
            handler = maker(code, run, index) if maker is not None else None
            if handler is not None:
                chosen[index] = (len(row), handler)
                break
    fused = 0
    index = 0
    while index < count:
        here = chosen[index]
        if here is None:
            index += 1
            continue
        length, handler = here
        # A longer run starting at the next instruction saves more (o.m(x) after a load).
        following = chosen[index + 1] if index + 1 < count else None
        if following is not None and following[0] > length:
            index += 1
            continue
        handlers[index] = handler
        if placed is not None:
            placed[index] = length
        fused += 1
        index += length
    return fused


# The searches below run over a code object's opcodes as bytes (``co_code[::4]``, the
# first byte of each instruction), in C's loops rather than a Python loop over every
# instruction of every code object decoded: 30% less time for this work.
_OPENING_BYTE = slice(None, None, INSTRUCTION_SIZE)
# Opcode -> 1 for a jump, 0 for the rest (bytes.translate's table).
_JUMP_MARKS = bytes(opcode in opcodes.HAS_JUMP for opcode in range(256))
# Opcode -> whether a run of straight-line code ends with it: a jump, or an instruction
# after which the next does not run (return, raise).
_ENDS_RUN = [opcode in opcodes.HAS_JUMP or opcode in opcodes.ENDS_BLOCK for opcode in range(256)]


def is_leaf(code):
    """Whether ``code`` is a leaf's: it enters no frame, yields nothing and handles no
    exception, so that the call that makes its frame can run it without counting it
    among the frames that nest on the host's stack (``Interpreter.run_call``)."""
    if code.co_exceptiontable or code.co_flags & (CO_GENERATOR | CO_COROUTINE
                                                  | CO_ASYNC_GENERATOR):
        return False
    opcode_bytes = code.co_code[_OPENING_BYTE]
    return not any(opcode in opcode_bytes for opcode in tier0.ENTERS_FRAME_OPCODES)


def loop_heads(code):
    """The targets of the code's backward jumps: where its loops start again."""
    jumps = code.co_code[_OPENING_BYTE].translate(_JUMP_MARKS)
    heads = set()
    index = jumps.find(1)
    words = instruction_words(code.co_code) if index >= 0 else None
    while index >= 0:
        target = words[index] >> 8
        if target <= index:
            heads.add(target)
        index = jumps.find(1, index + 1)
    return heads
