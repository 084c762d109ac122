"""The one specification of pvm's bytecode.

Every opcode is listed once, here: its name, number, operand kind, stack
effect, whether it jumps, and what it means.  The VM's dispatch table, the
disassembler (``pvm.dis``) and the assembler's stack-depth pass are derived
from this table, never kept in step by hand.

An instruction is an opcode and one integer operand.  Jump operands are
instruction indexes (not byte offsets).  The stack effect of an opcode is
given as ``pops`` and ``pushes`` on the fall-through path, each an integer or a
function of the operand; a jumping opcode also gives ``jump_pops`` and
``jump_pushes`` for the taken branch.

The design follows CPython 3.11's stack machine where that is the simplest
thing (the exception table, PUSH_EXC_INFO / POP_EXCEPT), and departs where
pvm's interpreter is better served (one CALL_KW instead of KW_NAMES + CALL;
no caches, no PRECALL, no RESUME).
"""

# Operand kinds: what the integer operand of an instruction refers to.
NO_OPERAND = "none"
CONST = "const"          # index into co_consts
NAME = "name"            # index into co_names
LOCAL = "local"          # index into co_varnames (a fast local)
CELL = "cell"            # index into co_cellvars + co_freevars
TARGET = "target"        # instruction index of a jump target
COUNT = "count"          # a number of stack items
BINARY = "binary"        # index into BINARY_OPERATORS
COMPARE = "compare"      # index into COMPARE_OPERATORS
FLAGS = "flags"          # bits whose meaning the opcode defines

# BINARY_OP operands: the operator's symbol, and its in-place form at +13.
BINARY_OPERATORS = ("+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^")
INPLACE_OFFSET = len(BINARY_OPERATORS)
BINARY_OPERATOR_SYMBOLS = BINARY_OPERATORS + tuple(symbol + "=" for symbol in BINARY_OPERATORS)

COMPARE_OPERATORS = ("<", "<=", "==", "!=", ">", ">=")

# FORMAT_VALUE operand bits: conversion in the low two bits, then "has a spec".
FORMAT_CONVERSIONS = (None, "s", "r", "a")
FORMAT_HAS_SPEC = 4

# MAKE_FUNCTION operand bits: which optional parts are on the stack.
FUNCTION_DEFAULTS = 1
FUNCTION_KWDEFAULTS = 2
FUNCTION_ANNOTATIONS = 4
FUNCTION_CLOSURE = 8

# GET_AWAITABLE operands: what is awaited, which names the culprit in the TypeError
# raised for an object that cannot be awaited.
AWAIT_EXPRESSION = 0
AWAIT_AFTER_AENTER = 1      # the result of __aenter__ in an async with
AWAIT_AFTER_AEXIT = 2       # the result of __aexit__


class Opcode:
    """One opcode of the specification."""

    __slots__ = ("name", "number", "operand", "pops", "pushes", "jumps",
                 "jump_pops", "jump_pushes", "ends_block", "meaning", "pseudo")

    def __init__(self, name, number, operand, pops, pushes, meaning, jumps=False,
                 jump_pops=None, jump_pushes=None, ends_block=False, pseudo=False):
        self.name = name
        self.number = number
        self.operand = operand
        self.pops = pops
        self.pushes = pushes
        self.jumps = jumps
        self.jump_pops = pops if jump_pops is None else jump_pops
        self.jump_pushes = pushes if jump_pushes is None else jump_pushes
        self.ends_block = ends_block    # no fall-through to the next instruction
        self.meaning = meaning
        self.pseudo = pseudo            # exists only inside the compiler

    def __repr__(self):
        return "<Opcode %s %d>" % (self.name, self.number)

    def stack_effect(self, operand, jump=False):
        """(pops, pushes) of one execution with ``operand``, on the branch taken if ``jump``."""
        pops, pushes = (self.jump_pops, self.jump_pushes) if jump else (self.pops, self.pushes)
        if callable(pops):
            pops = pops(operand)
        if callable(pushes):
            pushes = pushes(operand)
        return pops, pushes


OPCODES = []          # indexed by number
BY_NAME = {}


def _define(name, operand, pops, pushes, meaning, **options):
    opcode = Opcode(name, len(OPCODES), operand, pops, pushes, meaning, **options)
    OPCODES.append(opcode)
    BY_NAME[name] = opcode
    globals()[name] = opcode.number


def _count(operand):
    return operand


def _plus(extra):
    return lambda operand: operand + extra


# -- stack manipulation -------------------------------------------------------
_define("NOP", NO_OPERAND, 0, 0, "do nothing (keeps a line number)")
_define("POP_TOP", NO_OPERAND, 1, 0, "discard the top of the stack")
_define("COPY", COUNT, _count, _plus(1), "push a copy of the item `operand` places down (1 = top)")
_define("SWAP", COUNT, _count, _count, "swap the top with the item `operand` places down")

# -- loading and storing -------------------------------------------------------
_define("LOAD_CONST", CONST, 0, 1, "push co_consts[operand]")
_define("LOAD_FAST", LOCAL, 0, 1, "push a fast local known to be bound")
_define("LOAD_FAST_CHECK", LOCAL, 0, 1, "push a fast local; UnboundLocalError if unbound")
_define("STORE_FAST", LOCAL, 1, 0, "pop into a fast local")
_define("DELETE_FAST", LOCAL, 0, 0, "unbind a fast local")
_define("LOAD_DEREF", CELL, 0, 1, "push the contents of a cell")
_define("LOAD_CLASSDEREF", CELL, 0, 1,
        "push a name of a class body from its namespace, else from its cell")
_define("STORE_DEREF", CELL, 1, 0, "pop into a cell")
_define("DELETE_DEREF", CELL, 0, 0, "empty a cell")
_define("LOAD_CLOSURE", CELL, 0, 1, "push the cell itself (to build a closure)")
_define("LOAD_NAME", NAME, 0, 1, "push a name from locals, globals, then builtins")
_define("STORE_NAME", NAME, 1, 0, "pop into the locals namespace")
_define("DELETE_NAME", NAME, 0, 0, "delete from the locals namespace")
_define("LOAD_GLOBAL", NAME, 0, 1, "push a name from globals, then builtins")
_define("STORE_GLOBAL", NAME, 1, 0, "pop into globals")
_define("DELETE_GLOBAL", NAME, 0, 0, "delete from globals")
_define("LOAD_ATTR", NAME, 1, 1, "replace the top with its attribute")
_define("LOAD_METHOD", NAME, 1, 2,
        "replace the top with (guest function, self) when name is a method found on its "
        "type, else with (attribute, NULL); CALL_METHOD follows")
_define("STORE_ATTR", NAME, 2, 0, "top.name = second")
_define("DELETE_ATTR", NAME, 1, 0, "del top.name")
_define("LOAD_BUILD_CLASS", NO_OPERAND, 0, 1, "push builtins.__build_class__")
_define("LOAD_ASSERTION_ERROR", NO_OPERAND, 0, 1, "push AssertionError")
_define("LOAD_LOCALS", NO_OPERAND, 0, 1, "push the locals namespace")
_define("SETUP_ANNOTATIONS", NO_OPERAND, 0, 0, "create __annotations__ in locals if missing")

# -- operators ----------------------------------------------------------------
_define("UNARY_POSITIVE", NO_OPERAND, 1, 1, "+top")
_define("UNARY_NEGATIVE", NO_OPERAND, 1, 1, "-top")
_define("UNARY_NOT", NO_OPERAND, 1, 1, "not top")
_define("UNARY_INVERT", NO_OPERAND, 1, 1, "~top")
_define("BINARY_OP", BINARY, 2, 1, "second <operator> top")
_define("COMPARE_OP", COMPARE, 2, 1, "second <comparison> top")
_define("IS_OP", FLAGS, 2, 1, "second is top (is not, if operand is 1)")
_define("CONTAINS_OP", FLAGS, 2, 1, "second in top (not in, if operand is 1)")
_define("BINARY_SUBSCR", NO_OPERAND, 2, 1, "second[top]")
_define("STORE_SUBSCR", NO_OPERAND, 3, 0, "second[top] = third")
_define("DELETE_SUBSCR", NO_OPERAND, 2, 0, "del second[top]")
_define("BUILD_SLICE", COUNT, _count, 1, "slice of the top 2 or 3 items")

# -- building containers ------------------------------------------------------
_define("BUILD_TUPLE", COUNT, _count, 1, "tuple of the top `operand` items")
_define("BUILD_LIST", COUNT, _count, 1, "list of the top `operand` items")
_define("BUILD_SET", COUNT, _count, 1, "set of the top `operand` items")
_define("BUILD_MAP", COUNT, lambda operand: 2 * operand, 1,
        "dict of the top `operand` key, value pairs")
_define("BUILD_CONST_KEY_MAP", COUNT, _plus(1), 1,
        "dict of the top `operand` values, keyed by the tuple on top")
_define("BUILD_STRING", COUNT, _count, 1, "concatenate the top `operand` strings")
_define("LIST_APPEND", COUNT, _plus(1), _count, "append top to the list `operand` places below it")
_define("SET_ADD", COUNT, _plus(1), _count, "add top to the set `operand` places below it")
_define("MAP_ADD", COUNT, _plus(2), _count,
        "set key second to value top in the dict `operand` places below them")
_define("LIST_EXTEND", COUNT, _plus(1), _count, "extend the list `operand` places down with top")
_define("SET_UPDATE", COUNT, _plus(1), _count, "update the set `operand` places down with top")
_define("DICT_UPDATE", COUNT, _plus(1), _count, "update the dict `operand` places down with top")
_define("DICT_MERGE", COUNT, _plus(1), _count,
        "like DICT_UPDATE, but a repeated key is a TypeError (call keywords)")
_define("LIST_TO_TUPLE", NO_OPERAND, 1, 1, "replace the list on top with a tuple")
_define("FORMAT_VALUE", FLAGS, lambda operand: 2 if operand & FORMAT_HAS_SPEC else 1, 1,
        "format a value for an f-string (conversion and spec in the operand)")
_define("UNPACK_SEQUENCE", COUNT, 1, _count,
        "replace the top with its `operand` items, first on top")
_define("UNPACK_EX", FLAGS, 1, lambda operand: (operand & 0xFF) + (operand >> 8) + 1,
        "starred unpacking: low byte = names before the star, next byte = names after")

# -- control flow --------------------------------------------------------------
_define("JUMP", TARGET, 0, 0, "continue at the target", jumps=True, ends_block=True)
_define("POP_JUMP_IF_FALSE", TARGET, 1, 0, "pop; jump if false", jumps=True)
_define("POP_JUMP_IF_TRUE", TARGET, 1, 0, "pop; jump if true", jumps=True)
_define("POP_JUMP_IF_NONE", TARGET, 1, 0, "pop; jump if None", jumps=True)
_define("POP_JUMP_IF_NOT_NONE", TARGET, 1, 0, "pop; jump if not None", jumps=True)
_define("JUMP_IF_FALSE_OR_POP", TARGET, 1, 0, "jump keeping top if false, else pop",
        jumps=True, jump_pops=1, jump_pushes=1)
_define("JUMP_IF_TRUE_OR_POP", TARGET, 1, 0, "jump keeping top if true, else pop",
        jumps=True, jump_pops=1, jump_pushes=1)
_define("GET_ITER", NO_OPERAND, 1, 1, "replace the top with iter(top)")
_define("FOR_ITER", TARGET, 1, 2,
        "push next(top); when exhausted pop the iterator and jump",
        jumps=True, jump_pops=1, jump_pushes=0)
_define("PRINT_EXPR", NO_OPERAND, 1, 0, "sys.displayhook(top), for the interactive prompt")
_define("RETURN_VALUE", NO_OPERAND, 1, 0, "return top to the caller", ends_block=True)

# -- calls and functions ----------------------------------------------------------
_define("CALL", COUNT, _plus(1), 1, "call the callable under `operand` arguments")
_define("CALL_METHOD", COUNT, _plus(2), 1,
        "call what LOAD_METHOD left under `operand` arguments (self first, unless NULL)")
_define("CALL_KW", COUNT, _plus(2), 1,
        "call with `operand` arguments whose last ones are named by the tuple on top")
_define("CALL_FUNCTION_EX", FLAGS, _plus(2), 1,
        "call second(*top) or third(*second, **top) when the operand is 1")
_define("MAKE_FUNCTION", FLAGS,
        lambda operand: 1 + bin(operand).count("1"), 1,
        "make a function from the code on top and the parts the flags name")
_define("IMPORT_NAME", NAME, 2, 1, "__import__(name, fromlist=top, level=second)")
_define("IMPORT_FROM", NAME, 1, 2, "push the attribute `name` of the module on top")
_define("IMPORT_STAR", NO_OPERAND, 1, 0, "bind every public name of the module on top")

# -- exceptions ---------------------------------------------------------------------
_define("RAISE_VARARGS", COUNT, _count, 0,
        "raise: re-raise (0), raise top (1), raise second from top (2)", ends_block=True)
_define("RERAISE", FLAGS, 1, 0,
        "re-raise the exception on top (a nonzero operand: the offset to report is "
        "`operand` below it)",
        ends_block=True)
_define("PUSH_EXC_INFO", NO_OPERAND, 1, 2,
        "the exception on top becomes the one being handled; push the previous one under it")
_define("POP_EXCEPT", NO_OPERAND, 1, 0, "restore the handled exception popped from the stack")
_define("CHECK_EXC_MATCH", NO_OPERAND, 2, 2, "replace top with whether second matches it")
_define("CHECK_EG_MATCH", NO_OPERAND, 2, 2,
        "split the group second by the type top: push rest, then the match (or None)")
_define("PREP_RERAISE_STAR", NO_OPERAND, 2, 1,
        "combine what except* clauses raised with what they left unhandled")
_define("WITH_EXCEPT_START", NO_OPERAND, 4, 5,
        "call the __exit__ four places down with the exception on top")
_define("BEFORE_WITH", NO_OPERAND, 1, 2, "push __exit__ and the result of __enter__()")
_define("BEFORE_ASYNC_WITH", NO_OPERAND, 1, 2,
        "push __aexit__ and the awaitable of __aenter__()")

# -- pattern matching --------------------------------------------------------------
_define("GET_LEN", NO_OPERAND, 1, 2, "push len(top)")
_define("MATCH_MAPPING", NO_OPERAND, 1, 2, "push whether top is a mapping")
_define("MATCH_SEQUENCE", NO_OPERAND, 1, 2, "push whether top is a sequence to match")
_define("MATCH_KEYS", NO_OPERAND, 2, 3,
        "push a tuple of the values of the keys (top) in the mapping (second), or None")
_define("MATCH_CLASS", COUNT, 3, 1,
        "match subject, class, keyword names: push the attributes tuple or None")

# -- generators and coroutines ----------------------------------------------------
_define("YIELD_VALUE", FLAGS, 1, 1,
        "suspend, giving top to the caller; resume with the sent value on top")
_define("SEND", TARGET, 2, 2,
        "send top into the iterator second and push what it yields; "
        "when it returns, pop it, push the result and jump",
        jumps=True, jump_pops=2, jump_pushes=1)
_define("GET_YIELD_FROM_ITER", NO_OPERAND, 1, 1, "iterator for yield from")
_define("GET_AWAITABLE", FLAGS, 1, 1, "replace the top with its awaitable iterator")
_define("GET_AITER", NO_OPERAND, 1, 1, "replace the top with top.__aiter__()")
_define("GET_ANEXT", NO_OPERAND, 1, 2, "push the awaitable of anext(top)")
_define("END_ASYNC_FOR", NO_OPERAND, 2, 0,
        "end an async for on StopAsyncIteration, else re-raise it")
_define("ASYNC_GEN_WRAP", NO_OPERAND, 1, 1, "mark a value yielded by an async generator")

# -- pseudo-instructions: in the compiler's blocks only, gone after assembly ---------
_define("SETUP_FINALLY", TARGET, 0, 0, "protect what follows: on exception go to target",
        jumps=True, jump_pops=0, jump_pushes=1, pseudo=True)
_define("SETUP_CLEANUP", TARGET, 0, 0,
        "like SETUP_FINALLY, also pushing the offset of the failing instruction",
        jumps=True, jump_pops=0, jump_pushes=2, pseudo=True)
_define("SETUP_WITH", TARGET, 0, 0,
        "like SETUP_CLEANUP, for a with body: the handler drops the __enter__ result",
        jumps=True, jump_pops=1, jump_pushes=2, pseudo=True)
_define("POP_BLOCK", NO_OPERAND, 0, 0, "end the innermost protected region", pseudo=True)

OPCODE_COUNT = len(OPCODES)
HAS_JUMP = frozenset(opcode.number for opcode in OPCODES if opcode.jumps)
ENDS_BLOCK = frozenset(opcode.number for opcode in OPCODES if opcode.ends_block)
SETUP_OPCODES = frozenset(BY_NAME[name].number
                          for name in ("SETUP_FINALLY", "SETUP_CLEANUP", "SETUP_WITH"))


def block_starts(pairs, also=()):
    """The sorted indexes where the basic blocks of ``pairs`` (a code object's
    (opcode, operand) pairs) start: the first instruction, every jump's target, and the
    instruction after every jump and every instruction that ends a block; ``also`` adds
    more (the places of a protected range a caller counts).  Indexes past the end are
    dropped."""
    starts = {0, *also}
    for index, (opcode, operand) in enumerate(pairs):
        if opcode in HAS_JUMP:
            starts.add(operand)
            starts.add(index + 1)
        elif opcode in ENDS_BLOCK:
            starts.add(index + 1)
    return sorted(start for start in starts if 0 <= start < len(pairs))
