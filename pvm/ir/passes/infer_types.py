"""Type inference: from the argument types of one call signature, a type for every value.

Forward dataflow over the blocks in order, again until nothing changes (a loop's phis
learn their types from the back-edge).  Where paths meet, a phi's incoming types must
agree: Python keeps an int an int where another path makes a float, so a phi of int and
float has no one machine type and the function is not compiled for that signature (it
runs in the tier below, exactly).  What a global name or a module attribute holds is
read now and becomes a ``Known`` type, recorded in ``function.assumptions`` for the
dispatcher to check at each entry.

The rules are Python's for the types machine code holds; an operation outside them
raises ``Untypeable`` naming the instruction.
"""

import builtins
import math

from pvm.ir.nodes import UNDEFINED, Constant, Phi
from pvm.ir.types import (BOOL, FLOAT, INT, NONE, NUMBERS, RANGE, RANGE_ITERATOR, Known,
                          ListIteratorType, ListMethod, ListType, RangeType, Scalar, TupleType,
                          of_constant)


class Untypeable(Exception):
    """No type for some value; ``permanent`` if no signature could give one (an
    operation machine code never runs)."""

    def __init__(self, reason, instruction=None, permanent=False):
        where = ""
        if instruction is not None and instruction.where is not None:
            where = " (instruction %d)" % instruction.where
        super().__init__(reason + where)
        self.reason = reason
        self.instruction = instruction
        self.permanent = permanent


# Functions of math that return a float of one float, as CPython's math module computes
# them: with the C library's function of the same name.
MATH_FLOAT_FUNCTIONS = {getattr(math, name): name for name in (
    "sqrt", "exp", "log", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh",
    "fabs", "log10", "log2", "expm1", "log1p")}
MATH_INT_FUNCTIONS = {math.floor: "floor", math.ceil: "ceil", math.trunc: "trunc"}
MATH_PREDICATES = {math.isnan: "isnan", math.isinf: "isinf", math.isfinite: "isfinite"}
MATH_TWO_FLOAT_FUNCTIONS = {math.atan2: "atan2", math.copysign: "copysign"}

_ARITHMETIC = {"+", "-", "*", "/", "//", "%", "**"}
_BITWISE = {"&", "|", "^", "<<", ">>"}


def infer_types(function, argument_types, environment):
    """Give every value of ``function`` its type for ``argument_types``; sets
    ``function.return_type`` and ``function.assumptions``."""
    if len(argument_types) != len(function.arguments):
        raise Untypeable("called with %d arguments, takes %d"
                         % (len(argument_types), len(function.arguments)))
    for argument, argument_type in zip(function.arguments, argument_types):
        if argument_type is None:
            raise Untypeable("argument %s is of no type machine code holds"
                             % argument.local_name)
        argument.type = argument_type
    _Inference(function, environment).run()


class _Inference:
    def __init__(self, function, environment):
        self.function = function
        self.environment = environment
        self.assumptions = {}

    def run(self):
        function = self.function
        for instruction in function.instructions():
            instruction.type = None
        changed = True
        while changed:
            changed = False
            return_types = set()
            for block in function.blocks:
                for phi in block.phis:
                    changed |= self._set(phi, self._phi(phi))
                for instruction in block.instructions:
                    if instruction.opcode == "return":
                        value_type = self.type_of(instruction.operands[0])
                        if value_type is not None:
                            return_types.add(value_type)
                        continue
                    new_type = self._instruction(instruction)
                    changed |= self._set(instruction, new_type)
        if len(return_types) > 1:
            raise Untypeable("returns values of %s" % " and ".join(
                sorted(str(value_type) for value_type in return_types)))
        function.return_type = return_types.pop() if return_types else NONE
        function.assumptions = self.assumptions
        for instruction in function.instructions():
            if any(operand is UNDEFINED for operand in instruction.operands):
                raise Untypeable("a local read where it may be unbound", instruction)
            # An untyped phi nothing reads is dead; any other untyped value is code
            # machine code cannot run, read or not.
            if instruction.type is None and instruction.opcode in _TYPED_RESULTS and \
                    (not isinstance(instruction, Phi) or self._used(instruction)):
                raise Untypeable("no type for %s" % instruction.opcode, instruction)

    def _used(self, value):
        for instruction in self.function.instructions():
            if value in instruction.operands or \
                    (isinstance(instruction, Phi) and value in instruction.incoming.values()):
                return True
        return False

    def _set(self, value, new_type):
        if new_type is None or new_type == value.type:
            return False
        value.type = new_type
        return True

    def type_of(self, value):
        if isinstance(value, Constant):
            if value.type is None:
                value.type = of_constant(value.value)
                if value.type is None and value.value is not None:
                    value.type = Known(value.value)
            return value.type
        return value.type

    def _phi(self, phi):
        found = None
        for value in phi.incoming.values():
            if value is UNDEFINED or value is phi:
                continue
            value_type = self.type_of(value)
            if value_type is None:
                continue
            if found is None:
                found = value_type
            elif found != value_type:
                raise Untypeable("%s is %s on one path and %s on another"
                                 % (_variable_name(phi, self.function), found, value_type),
                                 None)
        return found

    def _instruction(self, instruction):
        operands = [self.type_of(operand) for operand in instruction.operands]
        if instruction.opcode in ("jump", "branch", "for_iter", "unpack_check",
                                  "store_subscript", "raise"):
            self._check_effect(instruction, operands)
            return None
        if any(operand is None for operand in operands):
            return None     # not known yet: a later round
        rule = getattr(self, "_" + instruction.opcode, None)
        if rule is None:
            raise Untypeable("%s is outside what machine code runs" % _describe(instruction),
                             instruction, permanent=True)
        return rule(instruction, *operands)

    def _check_effect(self, instruction, operands):
        if any(operand is None for operand in operands):
            return
        opcode = instruction.opcode
        if opcode == "branch":
            if operands[0] is not BOOL:
                raise Untypeable("a branch on %s" % operands[0], instruction)
        elif opcode == "for_iter":
            if not isinstance(operands[0], (type(RANGE_ITERATOR), ListIteratorType)):
                raise Untypeable("a loop over %s" % operands[0], instruction)
        elif opcode == "store_subscript":
            container, key, value = operands
            if not (isinstance(container, ListType) and key in (INT, BOOL)
                    and value == container.item):
                raise Untypeable("storing %s in %s" % (value, container), instruction)
        elif opcode == "unpack_check":
            sequence = operands[0]
            if not (isinstance(sequence, TupleType)
                    and len(sequence.items) == instruction.detail):
                raise Untypeable("unpacking %s into %d names" % (sequence, instruction.detail),
                                 instruction)
        elif opcode == "raise":
            raise Untypeable("a raise", instruction, permanent=True)

    # -- the rules, one per opcode --------------------------------------------------------

    def _global(self, instruction):
        name = instruction.detail
        value = self.environment.global_value(name)
        self.assumptions[("global", name)] = value
        return self._known(value, instruction)

    def _known(self, value, instruction):
        value_type = of_constant(value)
        if value_type is not None:
            return value_type
        if type(value) in (list, dict, set, str, bytes):
            raise Untypeable("a global %s (it may change as the code runs)"
                             % type(value).__name__, instruction)
        return Known(value)

    def _attribute(self, instruction, owner):
        name = instruction.detail
        if isinstance(owner, Known) and type(owner.value) is type(math):
            value = getattr(owner.value, name)
            self.assumptions[("attribute", owner.value, name)] = value
            return self._known(value, instruction)
        if isinstance(owner, ListType) and name == "append":
            return ListMethod(owner, name)
        raise Untypeable("the attribute %s of %s" % (name, owner), instruction)

    def _unary(self, instruction, operand):
        operator = instruction.detail
        if operator == "not":
            if operand in NUMBERS or isinstance(operand, ListType) or operand is NONE:
                return BOOL
        elif operand in NUMBERS and not (operator == "~" and operand is FLOAT):
            return INT if operand is BOOL else operand
        raise Untypeable("%s%s" % (operator, operand), instruction)

    def _binary(self, instruction, left, right):
        operator = instruction.detail.rstrip("=") if instruction.detail != "==" else "=="
        if left in NUMBERS and right in NUMBERS:
            if operator in _BITWISE:
                if FLOAT in (left, right):
                    raise Untypeable("%s %s %s" % (left, operator, right), instruction)
                if left is BOOL and right is BOOL and operator in ("&", "|", "^"):
                    return BOOL
                return INT
            if operator == "/" or FLOAT in (left, right):
                return FLOAT
            if operator in _ARITHMETIC:
                return INT
        if operator == "*" and isinstance(left, ListType) and right in (INT, BOOL) and \
                not instruction.detail.endswith("="):
            return left
        if operator == "*" and isinstance(right, ListType) and left in (INT, BOOL):
            return right
        if operator == "+" and isinstance(left, ListType) and left == right and \
                not instruction.detail.endswith("="):
            return left
        raise Untypeable("%s %s %s" % (left, instruction.detail, right), instruction)

    def _compare(self, instruction, left, right):
        if left in NUMBERS and right in NUMBERS:
            return BOOL
        raise Untypeable("%s %s %s" % (left, instruction.detail, right), instruction)

    def _is(self, instruction, left, right):
        if isinstance(left, Scalar) and isinstance(right, Scalar):
            return BOOL
        raise Untypeable("%s is %s" % (left, right), instruction)

    def _truth(self, instruction, operand):
        if operand in NUMBERS or operand is NONE or isinstance(operand, ListType):
            return BOOL
        raise Untypeable("the truth of %s" % operand, instruction)

    def _subscript(self, instruction, container, key):
        if isinstance(container, ListType) and key in (INT, BOOL):
            return container.item
        if isinstance(container, TupleType) and key in (INT, BOOL):
            index = instruction.operands[1]
            if isinstance(index, Constant) and -len(container.items) <= index.value \
                    < len(container.items):
                return container.items[index.value]
        raise Untypeable("%s[%s]" % (container, key), instruction)

    def _tuple(self, instruction, *items):
        return TupleType(*items)

    def _list(self, instruction, *items):
        if items and all(item == items[0] for item in items) and items[0] in NUMBERS:
            return ListType(items[0])
        raise Untypeable("a list of %s" % ", ".join(str(item) for item in items) if items
                         else "an empty list (its items' type is unknown)", instruction)

    def _item(self, instruction, sequence):
        if isinstance(sequence, TupleType):
            return sequence.items[instruction.detail]
        raise Untypeable("an item of %s" % sequence, instruction)

    def _iter(self, instruction, iterable):
        if isinstance(iterable, RangeType):
            return RANGE_ITERATOR
        if isinstance(iterable, ListType):
            return ListIteratorType(iterable.item)
        raise Untypeable("iter(%s)" % iterable, instruction)

    def _iter_next(self, instruction, iterator):
        if iterator is RANGE_ITERATOR:
            return INT
        if isinstance(iterator, ListIteratorType):
            return iterator.item
        raise Untypeable("next(%s)" % iterator, instruction)

    def _call(self, instruction, callee, *arguments):
        if isinstance(callee, ListMethod):
            instruction.detail = callee
            owner = callee.items[0]
            if len(arguments) != 1 or arguments[0] != owner.item:
                raise Untypeable("appending %s to %s" % (", ".join(map(str, arguments)), owner),
                                 instruction)
            return NONE
        if not isinstance(callee, Known):
            raise Untypeable("a call of %s" % callee, instruction)
        function = callee.value
        instruction.detail = function
        rule = _BUILTIN_RULES.get(function) if _hashable(function) else None
        if rule is not None:
            result = rule(arguments)
            if result is None:
                raise Untypeable("%s(%s)" % (function.__name__,
                                             ", ".join(str(argument) for argument in arguments)),
                                 instruction)
            return result
        # None while a recursive function's own return type is being found.
        return self.environment.call_type(function, arguments)


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _range_rule(arguments):
    if 1 <= len(arguments) <= 3 and all(argument in (INT, BOOL) for argument in arguments):
        return RANGE
    return None


def _len_rule(arguments):
    if len(arguments) == 1 and isinstance(arguments[0], (ListType, TupleType)):
        return INT
    return None


def _abs_rule(arguments):
    if len(arguments) == 1 and arguments[0] in NUMBERS:
        return INT if arguments[0] is BOOL else arguments[0]
    return None


def _min_max_rule(arguments):
    # min and max return one of their arguments, whichever it is: one type only.
    if len(arguments) == 2 and arguments[0] == arguments[1] and arguments[0] in NUMBERS:
        return arguments[0]
    return None


def _int_rule(arguments):
    return INT if len(arguments) == 1 and arguments[0] in NUMBERS else None


def _float_rule(arguments):
    return FLOAT if len(arguments) == 1 and arguments[0] in NUMBERS else None


def _round_rule(arguments):
    if len(arguments) == 1 and arguments[0] is FLOAT:
        return INT
    if len(arguments) == 1 and arguments[0] is INT:
        return INT
    return None


def _math_float(arguments):
    return FLOAT if len(arguments) == 1 and arguments[0] in NUMBERS else None


def _math_int(arguments):
    return INT if len(arguments) == 1 and arguments[0] in NUMBERS else None


def _math_predicate(arguments):
    return BOOL if len(arguments) == 1 and arguments[0] in NUMBERS else None


def _math_two_floats(arguments):
    return FLOAT if len(arguments) == 2 and all(argument in NUMBERS
                                                for argument in arguments) else None


_BUILTIN_RULES = {builtins.range: _range_rule, builtins.len: _len_rule,
                  builtins.abs: _abs_rule, builtins.min: _min_max_rule,
                  builtins.max: _min_max_rule, builtins.int: _int_rule,
                  builtins.float: _float_rule, builtins.round: _round_rule}
_BUILTIN_RULES.update(dict.fromkeys(MATH_FLOAT_FUNCTIONS, _math_float))
_BUILTIN_RULES.update(dict.fromkeys(MATH_INT_FUNCTIONS, _math_int))
_BUILTIN_RULES.update(dict.fromkeys(MATH_PREDICATES, _math_predicate))
_BUILTIN_RULES.update(dict.fromkeys(MATH_TWO_FLOAT_FUNCTIONS, _math_two_floats))

# The opcodes that give a value whose type must be known where it is used.
_TYPED_RESULTS = frozenset(("global", "attribute", "unary", "binary", "compare", "is", "truth",
                            "subscript", "tuple", "list", "item", "iter", "iter_next",
                            "call", "phi"))


def _describe(instruction):
    if instruction.opcode == "opaque":
        return instruction.detail[0]
    return instruction.opcode


def _variable_name(phi, function):
    kind, index = phi.variable
    if kind == "local":
        return function.code.co_varnames[index]
    return "the stack's item %d" % index

