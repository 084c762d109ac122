"""Calls in machine code: builtins and math functions as machine operations, and guest
functions compiled into the same module, called directly.

A guest callee gets the caller's remaining recursion depth less one; at none left the
caller leaves to tier 0 at the call, which raises RecursionError where CPython would.
If the callee leaves machine code, so does the caller, its frame waiting at the call
for the callee's value (see pvm.tier2.lower): tier 0 goes on with both.
"""

import builtins
import math

from llvmlite import ir

from pvm.ir.passes.infer_types import (MATH_FLOAT_FUNCTIONS, MATH_INT_FUNCTIONS,
                                       MATH_PREDICATES, MATH_TWO_FLOAT_FUNCTIONS)
from pvm.ir.types import BOOL, FLOAT, INT, NONE, RANGE, Known, ListMethod, ListType, TupleType
from pvm.tier2 import arithmetic, lists, words
from pvm.tier2.lower import DOUBLE, I1, I32, I64, INT_MIN, Unlowerable

ZERO = ir.Constant(I64, 0)
FLOAT_ZERO = ir.Constant(DOUBLE, 0.0)
INFINITY = ir.Constant(DOUBLE, float("inf"))
# 2**63 as a float: a float below it and at or above -2**63 truncates into 64 bits.
TWO_63 = ir.Constant(DOUBLE, 2.0 ** 63)


def lower_call(lowering, instruction):
    function = instruction.detail
    arguments = instruction.operands[1:]
    if isinstance(function, ListMethod):
        return lists.append(lowering, instruction)
    if function is builtins.range:
        return _range(lowering, instruction, arguments)
    if function is builtins.len:
        (sequence,) = arguments
        if isinstance(sequence.type, TupleType):
            return ir.Constant(I64, len(sequence.type.items))
        return lists.length(lowering.builder, lowering.value(sequence))
    if function is builtins.abs:
        return _abs(lowering, instruction, arguments[0])
    if function in (builtins.min, builtins.max):
        return _min_max(lowering, instruction, function, arguments)
    if function is builtins.int or function in MATH_INT_FUNCTIONS:
        return _to_int(lowering, instruction, function, arguments[0])
    if function is builtins.float:
        return lowering.value(arguments[0], FLOAT)
    if function is builtins.round:
        return _to_int(lowering, instruction, function, arguments[0])
    if function in MATH_FLOAT_FUNCTIONS:
        return _math_float(lowering, instruction, MATH_FLOAT_FUNCTIONS[function], arguments[0])
    if function in MATH_PREDICATES:
        return _math_predicate(lowering, MATH_PREDICATES[function], arguments[0])
    if function in MATH_TWO_FLOAT_FUNCTIONS:
        return _math_two_floats(lowering, instruction, MATH_TWO_FLOAT_FUNCTIONS[function],
                                arguments)
    return _guest_call(lowering, instruction, function, arguments)


def _range(lowering, instruction, arguments):
    values = [lowering.value(argument, INT) for argument in arguments]
    if len(values) == 1:
        values = [ZERO, values[0], ir.Constant(I64, 1)]
    elif len(values) == 2:
        values.append(ir.Constant(I64, 1))
    else:
        lowering.check(lowering.builder.icmp_signed("==", values[2], ZERO), instruction)
    return tuple(values)


def _abs(lowering, instruction, argument):
    builder = lowering.builder
    if argument.type is FLOAT:
        fabs = arithmetic.intrinsic(lowering.module, "llvm.fabs.f64", [DOUBLE])
        return builder.call(fabs, [lowering.value(argument)])
    value = lowering.value(argument, INT)
    lowering.check(builder.icmp_signed("==", value, ir.Constant(I64, INT_MIN)), instruction)
    return builder.select(builder.icmp_signed("<", value, ZERO), builder.neg(value), value)


def _min_max(lowering, instruction, function, arguments):
    # min keeps its first argument unless the second is less (max: greater), NaNs
    # included: the comparison is Python's own.
    first, second = (lowering.value(argument) for argument in arguments)
    builder = lowering.builder
    operator = "<" if function is builtins.min else ">"
    if arguments[0].type is FLOAT:
        replaces = builder.fcmp_ordered(operator, second, first)
    elif arguments[0].type is BOOL:
        replaces = builder.icmp_unsigned(operator, second, first)
    else:
        replaces = builder.icmp_signed(operator, second, first)
    return builder.select(replaces, second, first)


def _to_int(lowering, instruction, function, argument):
    """int(x), round(x), math.floor/ceil/trunc(x): of an int, itself; of a float, the
    rounded float if it is finite and fits in 64 bits."""
    builder = lowering.builder
    if argument.type is not FLOAT:
        return lowering.value(argument, INT)
    value = lowering.value(argument)
    rounding = {builtins.int: "llvm.trunc.f64", math.trunc: "llvm.trunc.f64",
                math.floor: "llvm.floor.f64", math.ceil: "llvm.ceil.f64",
                builtins.round: "llvm.roundeven.f64"}[function]
    rounded = builder.call(arithmetic.intrinsic(lowering.module, rounding, [DOUBLE]), [value])
    fits = builder.and_(builder.fcmp_ordered(">=", rounded, builder.fneg(TWO_63)),
                        builder.fcmp_ordered("<", rounded, TWO_63))
    lowering.check(builder.not_(fits), instruction)
    return builder.fptosi(rounded, I64)


_INTRINSIC_FUNCTIONS = frozenset(("sin", "cos", "tan", "exp", "log", "log10", "log2",
                                  "asin", "acos", "atan", "sinh", "cosh", "tanh"))


def _math_float(lowering, instruction, name, argument):
    builder = lowering.builder
    value = lowering.value(argument, FLOAT)
    fabs = arithmetic.intrinsic(lowering.module, "llvm.fabs.f64", [DOUBLE])
    if name == "fabs":
        return builder.call(fabs, [value])
    if name == "sqrt":
        # The instruction is IEEE's square root, as the C library's is; below zero,
        # math raises ValueError.
        lowering.check(builder.fcmp_ordered("<", value, FLOAT_ZERO), instruction)
        sqrt = arithmetic.intrinsic(lowering.module, "llvm.sqrt.f64", [DOUBLE])
        return builder.call(sqrt, [value])
    if name in _INTRINSIC_FUNCTIONS:
        # LLVM's own name for the C library's function, which it calls (and folds
        # with it): knowing it has no effect, LLVM may move and merge calls.
        function = arithmetic.intrinsic(lowering.module, "llvm.%s.f64" % name, [DOUBLE])
    else:
        function = arithmetic.libm(lowering.module, name)
    result = builder.call(function, [value])
    # CPython's math_1: a NaN of a number is a domain error, an infinity of a finite
    # number an overflow (or domain) error: tier 0 raises them.
    result_nan = builder.fcmp_unordered("uno", result, result)
    argument_nan = builder.fcmp_unordered("uno", value, value)
    result_infinite = builder.fcmp_ordered("==", builder.call(fabs, [result]), INFINITY)
    argument_finite = builder.fcmp_ordered("<", builder.call(fabs, [value]), INFINITY)
    lowering.check(builder.or_(builder.and_(result_nan, builder.not_(argument_nan)),
                               builder.and_(result_infinite, argument_finite)), instruction)
    return result


def _math_predicate(lowering, name, argument):
    builder = lowering.builder
    value = lowering.value(argument, FLOAT)
    if name == "isnan":
        return builder.fcmp_unordered("uno", value, value)
    fabs = arithmetic.intrinsic(lowering.module, "llvm.fabs.f64", [DOUBLE])
    magnitude = builder.call(fabs, [value])
    if name == "isinf":
        return builder.fcmp_ordered("==", magnitude, INFINITY)
    return builder.fcmp_ordered("<", magnitude, INFINITY)


def _math_two_floats(lowering, instruction, name, arguments):
    builder = lowering.builder
    first, second = (lowering.value(argument, FLOAT) for argument in arguments)
    if name == "copysign":
        copysign = arithmetic.intrinsic(lowering.module, "llvm.copysign.f64", [DOUBLE, DOUBLE])
        return builder.call(copysign, [first, second])
    # atan2: CPython treats infinities, NaNs and zeros itself; the rest is the C
    # library's.
    fabs = arithmetic.intrinsic(lowering.module, "llvm.fabs.f64", [DOUBLE])
    ordinary = builder.and_(
        builder.and_(builder.fcmp_ordered("<", builder.call(fabs, [first]), INFINITY),
                     builder.fcmp_ordered("<", builder.call(fabs, [second]), INFINITY)),
        builder.fcmp_ordered("!=", second, FLOAT_ZERO))
    lowering.check(builder.not_(ordinary), instruction)
    return builder.call(arithmetic.libm(lowering.module, "atan2", 2), [first, second])


def _guest_call(lowering, instruction, function, arguments):
    builder = lowering.builder
    argument_types = tuple(argument.type for argument in arguments)
    callee, return_type = lowering.callees(function, argument_types)
    lowering.check(builder.icmp_signed("<=", lowering.depth, ZERO), instruction)
    parameters = [lowering.state_pointer, builder.sub(lowering.depth, ir.Constant(I64, 1))]
    for argument in arguments:
        lowered = lowering.value(argument)
        parameters.extend(flatten(lowered, argument.type))
    result_words = lowering.entry_alloca(I64, max(words.count(return_type), 1))
    parameters.append(result_words)
    returned = builder.call(callee, parameters)
    status = builder.extract_value(returned, 0)
    lowering.check(builder.icmp_signed("!=", status, ir.Constant(I32, 0)), instruction,
                   waiting=True)
    if words.count(return_type) == 1:
        builder.store(builder.extract_value(returned, 1), result_words)
    return from_words(builder, result_words, return_type)


def flatten(lowered, value_type):
    """The LLVM parameters a lowered value is passed as."""
    if value_type is NONE or isinstance(value_type, Known):
        return []
    if isinstance(value_type, TupleType):
        return [part for item, item_type in zip(lowered, value_type.items)
                for part in flatten(item, item_type)]
    if value_type is RANGE:
        return list(lowered)
    return [lowered]


def from_words(builder, pointer, value_type, position=0):
    """The LLVM value of words in memory (a callee's result)."""
    value, _ = read_words(builder, pointer, value_type, position)
    return value


def read_words(builder, pointer, value_type, position):
    """(LLVM value, position after it) of the words from ``position`` on."""
    if value_type is NONE or isinstance(value_type, Known):
        return None, position
    if isinstance(value_type, TupleType):
        items = []
        for item_type in value_type.items:
            item, position = read_words(builder, pointer, item_type, position)
            items.append(item)
        return tuple(items), position
    if value_type is RANGE:
        return read_words(builder, pointer, TupleType(INT, INT, INT), position)
    word = builder.load(builder.gep(pointer, [ir.Constant(I64, position)]))
    if value_type is INT:
        return word, position + 1
    if value_type is FLOAT:
        return builder.bitcast(word, DOUBLE), position + 1
    if value_type is BOOL:
        return builder.trunc(word, I1), position + 1
    if isinstance(value_type, ListType):
        return builder.inttoptr(word, lists.LIST_POINTER), position + 1
    raise Unlowerable("a result of %s" % value_type)
