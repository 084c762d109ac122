"""The checks a budget runs before instructions whose result's size follows from their
inputs (a world's memory or time limit, ``pvm.world.amplifiers``, says whether it
fits): which instructions, and what each check reads and tests.

Each kind of check has the inputs of the instruction it reads (named as in the
instruction's definition), a test of them that says whether the budget must look, the
look, a call of the budget's (``Interpreter.set_budget`` lists them), and the inputs
the look gives anew (a call's ``*arguments`` and ``**keywords``, made a tuple and a
dict first, so that what the look sees is what the call gets: the instruction then
finds them made, and its errors are raised by the look, as the instruction would).  The test is
the fast path, written inline in joined runs (``generate.fused_handler``), so that
limited hot code keeps its joined runs: most operands are floats or small ints, most
callables guest functions or builtins that make nothing big, and those pass it with no
call.  It lets pass only what cannot make more than some kilobytes: the look decides
the rest.  Single handlers run the same test and look as a function
(``pvm.engine.charging``).

This module is read by the generator of joined runs, so it imports nothing of the
engine's (the generator runs when tier 0's handlers are being written again).
"""

import re

from pvm import opcodes


def _callables(count, arguments=None):
    """The test of a call's callable, ``count`` the source of its number of arguments
    (or None: not known before the look).  A guest function's call passes after one
    comparison; a bound method's after two where it binds a guest function (any other
    is looked into: ``types.MethodType(str.ljust, 'a')``); a guest class whose
    ``__base__`` is object after a look-up in ``sized_callables`` (a class derived from
    a sized type, list or bytes ..., has it or a class derived from it as its
    ``__base__``, the base whose layout is the most derived; the sized types are
    ``sized_callables``), other classes after issubclass; a builtin or a type that
    makes nothing big (``len``, ``int``) after a look-up in ``unsized_callables``; the
    wrappers of callables (``functools.partial``) are looked into; the host's other
    callables pass after their name (``list.pop``, ``random.random``), and of those
    with a name that may amplify, a sized builtin called with fewer arguments than it
    needs to (``sum(numbers)``), and a method bound to an object not of
    ``sized_owners`` (a deque's ``extend``), pass too, unless their first argument is
    one of ``lazy_types`` (``sum(range(10**10))``, ``any(itertools.count())``).  A
    class whose metaclass is not ``type`` is looked at (``class B(bytes,
    metaclass=M)``), and no hash or comparison is made of a type whose metaclass is
    not ``type`` (a guest metaclass's ``__hash__`` would run); the callables' own
    hashes are the host's, of identity."""
    lazy_first = "%s and type(type(%s[0])) is type and type(%s[0]) in lazy_types" % (
        count, arguments, arguments)
    enough = "" if count is None else \
        " and (function not in sized_callables or %s >= sized_callables[function]%s)" % (
            count, "" if arguments is None else " or " + lazy_first)
    # (A collection made of one argument is as big as it, unless it is lazy.)
    sized_type = "function in sized_callables" if arguments is None else \
        "function in sized_callables and (function not in collection_types"\
        " or %s == 1 and %s) and (function is not type or %s == 3)" % (count, lazy_first, count)
    return ("(call_kind := type(function)) is not guest_function and ("
            "type(function.__func__) is not guest_function if call_kind is bound_method"
            " else " + sized_type + " or function.__base__ is not object"
            " and issubclass(function, sized_types) if call_kind is type"
            " else type(call_kind) is type and ((" + _builtins(count, arguments) +
            " if call_kind is builtin_kind else function not in unsized_callables"
            " and (call_kind in wrapper_kinds or function.__name__ in sized_names%s"
            " and (call_kind not in bound_kinds or function in sized_callables"
            " or issubclass(type(function.__self__), sized_owners))))"
            " if call_kind in sized_kinds else issubclass(call_kind, type)))" % enough)


# A sequence shorter than this (items, characters) is *short*: the quick test lets pass
# a ``+`` with a short operand and an ``extend`` by a short sequence, which make at most
# a copy of the other and some kilobytes (``x = x + x`` in a loop doubles; ``x = x +
# [0]`` grows some bytes a turn, which the memory's reading once a slice sees).
SHORT = 1024
# Whether ``%s`` (a type) is one of the host's sequences whose length is read in one
# step with no guest code (``len``: the type's own), by identity (a guest metaclass's
# ``__eq__`` or ``__hash__`` would run for ``in``).
_KNOWN_LENGTH = "(%(type)s is str or %(type)s is list or %(type)s is tuple" \
                " or %(type)s is bytes or %(type)s is bytearray)"


def _long_sequence(value, value_type):
    """The test of whether ``value`` (whose type ``value_type`` names, or an expression
    it is assigned to) may be a long sequence that a ``+`` joins or an ``extend`` adds
    (``concatenated_types``): one whose length is known and under ``SHORT`` is not."""
    kind = value_type.split(" := ")[0].strip("(")
    return ("issubclass(%s, concatenated_types) and not (%s and len(%s) < %d)"
            % (value_type, _KNOWN_LENGTH % {"type": kind}, value, SHORT))


def _builtins(count, arguments=None):
    """The test of a call's callable known to be a builtin (a function or method of the
    host's C code, ``len``, ``math.sin``, a list's ``pop``), as ``_callables``' of
    one: one that makes nothing big (``unsized_callables``) passes after a look-up; a
    sized builtin called with fewer arguments than it needs to, unless its first is
    lazy; another of a name that may amplify where it is bound to an object of
    ``sized_owners``.  A module's function not yet known is looked at: the look adds
    it to ``unsized_callables`` where it cannot amplify (``math.sin``: one look-up
    from then on, where its name was made and looked up at each call)."""
    lazy_first = "" if arguments is None else \
        "%s and type(type(%s[0])) is type and type(%s[0]) in lazy_types" % (
            count, arguments, arguments)
    sized = "True" if count is None else "%s >= sized_callables[function]%s" % (
        count, lazy_first and " or " + lazy_first)
    # (A method that grows its object by its argument, ``grown_names``, makes as much
    # as a lazy argument says, or a long sequence's length: ``extend`` of a short list
    # passes, ``x.extend(x)`` in a loop doubles.)
    grown = "" if arguments is None else \
        " and (method_name not in grown_names or %s or %s and %s)" % (
            lazy_first, count, _long_sequence(arguments + "[0]",
                                              "(first_type := type(%s[0]))" % arguments))
    # Only a module's functions are in ``unsized_callables`` and, of the sized
    # ones, all but the ``__new__`` of sized types (bound to a type, sent to the look
    # by their name): the methods bound to other objects go by their owner's type
    # and their name.
    return ("function not in unsized_callables and ((function not in sized_callables"
            " or %s) if (owner_kind := type(function.__self__)) is module_type"
            " else (method_name := function.__name__) in sized_names%s"
            " and issubclass(owner_kind, sized_owners))" % (sized, grown))


# What a call with keywords counts as arguments more, for ``sized_callables``'s least
# numbers: a sized callable that needs a keyword (``sorted``'s key) has this many.
KEYWORDED = 1 << 30

# An int of 30 bits at most: a literal the host compares in one step (one digit of
# its ints, COMPARE_OP_INT_JUMP), not a name, and two comparisons, not a chained one.
_SMALL = "%%s < %d and %%s > -%d" % ((1 << 30) - 1, (1 << 30) - 1)
CHECKS = {
    # ``+`` joins sequences: a number's sum is a number, a guest object's is counted
    # (its ``__add__`` is guest code), and a short operand makes at most a copy of the
    # other: only two long sequences (``x + x``) or a lazy iterable added to a list
    # in place (``x += range(10**10)``) go to the look.  (A number on the left costs
    # one type() and two comparisons.)
    "add": (("left", "right"),
            "(left_type := type(left)) is not int and left_type is not float"
            " and issubclass(left_type, concatenated_types)"
            " and not (((right_type := type(right)) is str or right_type is list"
            " or right_type is tuple or right_type is bytes or right_type is bytearray)"
            " and (len(right) < %d or %s and len(left) < %d))"
            % (SHORT, _KNOWN_LENGTH % {"type": "left_type"}, SHORT),
            "check_operation(operand, left, right)", ()),
    # A float's product is a float, a product of small ints is small; larger ints may
    # make one as big as both, and a sequence is repeated.  (A float on the left costs
    # one type(), small ints two.)
    "multiply": (("left", "right"),
                 "(left_type := type(left)) is not float"
                 " and not (left_type is int and type(right) is int and %s and %s)"
                 " and type(right) is not float"
                 % (_SMALL % ("left", "left"), _SMALL % ("right", "right")),
                 "check_operation(operand, left, right)", ()),
    # ``**`` and ``<<``: an int's power or shift by 64 or more.
    "power": (("left", "right"),
              "(left_type := type(left)) is not float"
              " and not (left_type is int and type(right) is int and right < 64 and %s)"
              " and type(right) is not float"
              % (_SMALL % ("left", "left")),
              "check_operation(operand, left, right)", ()),
    # ``%``: a string's or bytes' formatting; a number's remainder is a number.
    "remainder": (("left", "right"), "type(left) is not int and type(left) is not float",
                  "check_operation(operand, left, right)", ()),
    # A format spec's width and precision: four characters say at most 9999.
    "format": (("value", "spec"), "type(spec) is not str or len(spec) > 4",
               "check_format(spec)", ()),
    # A call's look gives the callable to call in its place (``map(str.ljust, ...)``
    # calls map with str.ljust behind a check).
    "call": (("function", "arguments"), _callables("len(arguments)", "arguments"),
             "function = check_call(function, arguments, None)", ("function",)),
    # The same where the callable is a builtin (CALL's body calls those first: its
    # mark of where the check goes there, pvm.engine.instructions.define's
    # BUILTIN_CALLEE_CHECK).
    "call of a builtin": (("function", "arguments"), _builtins("len(arguments)", "arguments"),
                          "function = check_call(function, arguments, None)", ("function",)),
    # CALL_KW's values, the tuple of keyword names on top: a keyword may give any
    # sized callable what it needs (``pow(2, exp=10**10)``, ``sorted(x, key=f)``).
    "call with names": (("function", "values"), _callables("len(values) + %d" % KEYWORDED),
                        "function = check_call_with_names(function, values)", ("function",)),
    # CALL_FUNCTION_EX's.
    "call with star": (("function", "arguments"), _callables(None),
                       "function, arguments = check_star_call(function, arguments, None)[:2]",
                       ("function", "arguments")),
    "call with stars": (("function", "arguments", "keywords"), _callables(None),
                        "function, arguments, keywords = check_star_call(function, arguments,"
                        " keywords)", ("function", "arguments", "keywords")),
    # LIST_EXTEND's and SET_UPDATE's iterable (``[*range(10**10)]``), on top of the
    # stack they work on: one that says its length (a range) or has none
    # (itertools.count), or a long sequence (``[*x, *x]``).
    "extend": (("stack",), "(extended_type := type(stack[-1])) in lazy_types or "
               + _long_sequence("stack[-1]", "extended_type"),
               "check_extend(stack[-1])", ()),
}
# What the checks read of the budget.  They read it as the budget's attributes, where
# the test runs, not as names bound where a handler is made: a joined run's handler
# takes what it reads as defaults, which the host copies into its frame at every call
# (ten more for each run with a call; no faster either way, measured on deltablue,
# fannkuch and nbody, and a smaller frame).
BUDGET_NAMES = ("check_operation", "check_call", "check_call_with_names", "check_star_call",
                "check_format", "check_extend", "sized_types", "sized_kinds", "bound_kinds",
                "unsized_callables", "sized_callables", "sized_owners", "sized_names",
                "lazy_types", "guest_function", "bound_method", "wrapper_kinds",
                "collection_types", "builtin_kind", "module_type", "grown_names",
                "concatenated_types")
_BUDGET_NAME = re.compile(r"\b(%s)\b" % "|".join(BUDGET_NAMES))
CHECKS = {kind: (inputs, _BUDGET_NAME.sub(r"budget.\1", test), _BUDGET_NAME.sub(r"budget.\1", look),
                 given)
          for kind, (inputs, test, look, given) in CHECKS.items()}

_BINARY_OP = opcodes.BY_NAME["BINARY_OP"].number
_FORMAT_VALUE = opcodes.BY_NAME["FORMAT_VALUE"].number
_CALL, _CALL_METHOD, _CALL_KW, _CALL_FUNCTION_EX = (
    opcodes.BY_NAME[name].number
    for name in ("CALL", "CALL_METHOD", "CALL_KW", "CALL_FUNCTION_EX"))
_CALLS = frozenset((_CALL, _CALL_METHOD, _CALL_KW, _CALL_FUNCTION_EX))
_EXTENDS = frozenset(opcodes.BY_NAME[name].number for name in ("LIST_EXTEND", "SET_UPDATE"))
_OPERATOR_KINDS = {opcodes.BINARY_OPERATORS.index(symbol): kind for symbol, kind in
                   (("*", "multiply"), ("**", "power"), ("<<", "power"), ("%", "remainder"),
                    ("+", "add"))}


def check_kind(opcode, operand, guarded_operators, guards_calls):
    """The kind of check (a key of ``CHECKS``) the instruction runs behind, or None."""
    if opcode == _BINARY_OP:
        if operand in guarded_operators:
            return _OPERATOR_KINDS.get(operand % opcodes.INPLACE_OFFSET)
    elif not guards_calls:
        return None
    elif opcode == _CALL or opcode == _CALL_METHOD:
        return "call"
    elif opcode == _CALL_KW:
        return "call with names"
    elif opcode == _CALL_FUNCTION_EX:
        return "call with stars" if operand & 1 else "call with star"
    elif opcode == _FORMAT_VALUE and operand & opcodes.FORMAT_HAS_SPEC:
        return "format"
    elif opcode in _EXTENDS:
        return "extend"
    return None


def inputs_on_stack(opcode, operand):
    """A function of a stack that gives the inputs a check of the instruction reads, as
    its single handler finds them there (see pvm.opcodes)."""
    if opcode == _BINARY_OP or opcode == _FORMAT_VALUE:
        return lambda stack: (stack[-2], stack[-1])
    if opcode in _EXTENDS:
        return lambda stack: (stack,)
    if opcode == _CALL_FUNCTION_EX:
        return (lambda stack: (stack[-3], stack[-2], stack[-1])) if operand & 1 else \
            (lambda stack: (stack[-2], stack[-1]))
    count = operand
    if opcode == _CALL_KW:
        # The function under the values and the tuple of names on top.
        return lambda stack: (stack[-count - 2], stack[len(stack) - count - 1:])
    # CALL_METHOD's NULL, between the method and its arguments, is not an argument.
    below = count + 2 if opcode == _CALL_METHOD else count + 1
    return lambda stack: (stack[-below], stack[len(stack) - count:])


def given_on_stack(opcode, operand):
    """A function of a stack and the inputs a check of the instruction gives anew (its
    ``CHECKS`` entry's last), which puts them where its single handler finds them
    (None for an instruction whose check gives none)."""
    if opcode not in _CALLS:
        return None
    if opcode == _CALL_FUNCTION_EX:
        given = -3 if operand & 1 else -2

        def put(stack, values):
            stack[given:] = values
        return put
    if opcode == _CALL_KW:
        below = operand + 2
    else:
        below = operand + 2 if opcode == _CALL_METHOD else operand + 1

    def put(stack, values):
        stack[-below] = values[0]
    return put


def checker_makers():
    """The checks as functions, for single handlers: ``{kind: maker}``, where
    ``maker(budget, put_back)`` is a function of (operand, stack, *inputs) that runs
    the check's test and, where it fails, its look, and puts the inputs the look gives
    anew back on the stack, with ``put_back(stack, inputs)`` (``given_on_stack``'s)."""
    makers = {}
    for kind, (inputs, test, look, given) in CHECKS.items():
        namespace = {}
        exec("def maker(budget, put_back):\n"
             "    def check(operand, the_stack, %s):\n"
             "        if %s:\n"
             "            %s\n"
             "            %s\n"
             "    return check\n"
             % (", ".join(inputs), test, look,
                "put_back(the_stack, (%s,))" % ", ".join(given) if given else "pass"), namespace)
        makers[kind] = namespace["maker"]
    return makers


# -- a run's checks of floats read again -----------------------------------------------------

# The checks an operand that is a float passes, whichever side it is on (a float's
# product, power or sum is a number: nothing big; a sequence's sum with one raises).
_FLOAT_PASSES = frozenset(("multiply", "power", "add"))


def _passing_constant(kind, value):
    """Whether a check of ``kind`` passes whatever the other operand, where one is the
    constant ``value``: a float, for the checks of ``_FLOAT_PASSES``; for ``+``, also
    an int or a short str, bytes or tuple (``i + 1``, ``s + 'x'``: a number's sum, or at
    most a copy of the other operand and some bytes)."""
    kind_of_value = type(value)
    if kind_of_value is float:
        return True
    return kind == "add" and (kind_of_value is int or kind_of_value is bool
                              or kind_of_value in (str, bytes, tuple) and len(value) < SHORT)
_LOADS = frozenset(opcodes.BY_NAME[name].number for name in ("LOAD_FAST", "LOAD_FAST_CHECK"))
_LOAD_CONST = opcodes.BY_NAME["LOAD_CONST"].number
_PUSHES_ONE = _LOADS | {_LOAD_CONST}
# The only instructions that change a frame's fast locals (nothing else writes them
# while the frame runs: pvm has no write back of ``f_locals``).
_STORES = frozenset(opcodes.BY_NAME[name].number for name in ("STORE_FAST", "DELETE_FAST"))


def of_float_constants(code, pairs, checks, landed):
    """The indexes of the operators of ``checks`` ({index: kind}) that a float passes
    whose operand is a constant just before them that passes their check
    (``_passing_constant``: ``x * 2.0``, ``x ** 0.5``, ``2.0 * x``, ``i + 1``), where
    no jump or handler lands between (``landed``): a check of them would always pass."""
    constants = code.co_consts
    found = []
    for index, kind in checks.items():
        if kind not in _FLOAT_PASSES or index < 1 or index in landed:
            continue
        right_opcode, right_operand = pairs[index - 1]
        if right_opcode == _LOAD_CONST and _passing_constant(kind, constants[right_operand]):
            found.append(index)
        elif index >= 2 and right_opcode in _PUSHES_ONE and index - 1 not in landed:
            left_opcode, left_operand = pairs[index - 2]
            if left_opcode == _LOAD_CONST and _passing_constant(kind, constants[left_operand]):
                found.append(index)
    return found


def operand_locals(pairs, checks):
    """{index: ((left's local, where it is read), (right's ...))} of the operators of
    ``checks`` ({index: kind}) that a float operand passes, whose operands are read
    from fast locals just before them (``LOAD_FAST a; LOAD_FAST b; BINARY_OP``, or a
    constant on the right), None for an operand that is not."""
    found = {}
    for index, kind in checks.items():
        if kind not in _FLOAT_PASSES or index < 2:
            continue
        (left_opcode, left_local), (right_opcode, right_local) = pairs[index - 2:index]
        right = (right_local, index - 1) if right_opcode in _LOADS else None
        left = (left_local, index - 2) if left_opcode in _LOADS \
            and right_opcode in _PUSHES_ONE else None
        if left is not None or right is not None:
            found[index] = (left, right)
    return found


def local_stores(pairs):
    """{local: the indexes of the instructions that store or delete it}."""
    stores = {}
    for index, (opcode, operand) in enumerate(pairs):
        if opcode in _STORES:
            stores.setdefault(operand, []).append(index)
    return stores


def with_floats_kept(checks, start, operand_locals, stores):
    """A joined run's ``checks`` ((position, kind), from ``start``), where a check of
    an operand read from a local that an earlier check of the run read too, with no
    store of it between, uses what the earlier one found: that check keeps whether
    its operand is a float (its kind ``KIND/keeping left``), the later one passes at
    once where it was (``KIND/after POSITION``).  (In a run the values go from one
    part to the next in order, and nothing but its own stores changes its frame's
    locals: the two reads give the same object.)"""
    keepers = {}      # local -> (position of the check that read it, where it read it)
    kept = {}         # position -> the side it keeps
    after = {}        # position -> the position of the check whose finding it uses
    for position, kind in checks:
        sides = operand_locals.get(start + position)
        if sides is None:
            continue
        sides = [(side, read) for side, read in zip(("left", "right"), sides)
                 if read is not None and read[1] >= start]
        for _side, (local, at) in sides:
            keeper = keepers.get(local)
            if keeper is not None and not any(keeper[1] < store < at
                                              for store in stores.get(local, ())):
                after[position] = keeper[0]
                kept.setdefault(keeper[0], keeper[2])
                break
        else:
            if sides:
                side, (local, at) = sides[0]
                keepers[local] = (position, at, side)
    if not after:
        return checks
    return tuple((position, "%s/keeping %s" % (kind, kept[position]) if position in kept
                  else "%s/after %d" % (kind, after[position]) if position in after
                  else kind)
                 for position, kind in checks)
