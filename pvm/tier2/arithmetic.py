"""Python's arithmetic on machine ints and floats, exactly.

An int operation whose result leaves 64 bits, a division by zero and every case whose
Python result is not a machine number (a negative int power is a float, a negative
float to a fractional power is complex) leave machine code at the instruction
(``lowering.check``), and tier 0 runs it.  Float ``//`` and ``%`` follow CPython's
algorithm (float_divmod), so signs and zeros come out as CPython's.
"""

from llvmlite import ir

from pvm.ir.types import BOOL, FLOAT, INT
from pvm.tier2.lower import DOUBLE, EXACT_FLOAT_LIMIT, I1, I64, INT_MIN, Unlowerable

ZERO = ir.Constant(I64, 0)
ONE = ir.Constant(I64, 1)
FLOAT_ZERO = ir.Constant(DOUBLE, 0.0)
FLOAT_ONE = ir.Constant(DOUBLE, 1.0)
INFINITY = ir.Constant(DOUBLE, float("inf"))


def binary(lowering, instruction):
    left, right = instruction.operands
    operator = instruction.detail.rstrip("=")
    if instruction.type is FLOAT:
        if operator == "/" and left.type is not FLOAT and right.type is not FLOAT:
            return _int_true_divide(lowering, instruction)
        return _float_binary(lowering, instruction, operator,
                             lowering.value(left, FLOAT), lowering.value(right, FLOAT))
    if instruction.type is BOOL:
        a, b = lowering.value(left), lowering.value(right)
        builder = lowering.builder
        return {"&": builder.and_, "|": builder.or_, "^": builder.xor}[operator](a, b)
    if instruction.type is INT:
        return _int_binary(lowering, instruction, operator,
                           lowering.value(left, INT), lowering.value(right, INT))
    raise Unlowerable("%s %s %s" % (left.type, operator, right.type))


def _int_binary(lowering, instruction, operator, a, b):
    builder = lowering.builder
    if operator in ("+", "-", "*"):
        method = {"+": builder.sadd_with_overflow, "-": builder.ssub_with_overflow,
                  "*": builder.smul_with_overflow}[operator]
        pair = method(a, b)
        lowering.check(builder.extract_value(pair, 1), instruction)
        return builder.extract_value(pair, 0)
    if operator in ("//", "%"):
        lowering.check(builder.icmp_signed("==", b, ZERO), instruction)
        lowering.check(builder.and_(builder.icmp_signed("==", a, ir.Constant(I64, INT_MIN)),
                                    builder.icmp_signed("==", b, ir.Constant(I64, -1))),
                       instruction)
        quotient = builder.sdiv(a, b)
        remainder = builder.srem(a, b)
        # C truncates; Python floors: where the remainder's sign differs from the
        # divisor's, the quotient is one less and the remainder takes the divisor.
        adjust = builder.and_(builder.icmp_signed("!=", remainder, ZERO),
                              builder.icmp_signed("<", builder.xor(remainder, b), ZERO))
        if operator == "//":
            return builder.sub(quotient, builder.zext(adjust, I64))
        return builder.select(adjust, builder.add(remainder, b), remainder)
    if operator == "&":
        return builder.and_(a, b)
    if operator == "|":
        return builder.or_(a, b)
    if operator == "^":
        return builder.xor(a, b)
    if operator == "<<":
        lowering.check(builder.icmp_unsigned(">=", b, ir.Constant(I64, 64)), instruction)
        shifted = builder.shl(a, b)
        lowering.check(builder.icmp_signed("!=", builder.ashr(shifted, b), a), instruction)
        return shifted
    if operator == ">>":
        lowering.check(builder.icmp_signed("<", b, ZERO), instruction)
        wide = builder.icmp_signed(">=", b, ir.Constant(I64, 64))
        clamped = builder.select(wide, ir.Constant(I64, 63), b)
        return builder.ashr(a, clamped)
    if operator == "**":
        lowering.check(builder.icmp_signed("<", b, ZERO), instruction)
        function = _int_power_function(lowering.module)
        pair = builder.call(function, [a, b])
        lowering.check(builder.extract_value(pair, 1), instruction)
        return builder.extract_value(pair, 0)
    raise Unlowerable("int %s int" % operator)


def _int_true_divide(lowering, instruction):
    left, right = instruction.operands
    builder = lowering.builder
    a, b = lowering.value(left, INT), lowering.value(right, INT)
    lowering.check(builder.icmp_signed("==", b, ZERO), instruction)
    # Both exact as floats: CPython divides them as floats too (long_true_divide's
    # fast path); beyond, it rounds the exact quotient, which tier 0 does.
    lowering.check(builder.or_(_beyond_exact_float(builder, a), _beyond_exact_float(builder, b)),
                   instruction)
    return builder.fdiv(builder.sitofp(a, DOUBLE), builder.sitofp(b, DOUBLE))


def _beyond_exact_float(builder, value):
    limit = ir.Constant(I64, EXACT_FLOAT_LIMIT)
    return builder.or_(builder.icmp_signed(">", value, limit),
                       builder.icmp_signed("<", value, builder.neg(limit)))


def _float_binary(lowering, instruction, operator, a, b):
    builder = lowering.builder
    if operator == "+":
        return builder.fadd(a, b)
    if operator == "-":
        return builder.fsub(a, b)
    if operator == "*":
        return builder.fmul(a, b)
    if operator == "/":
        lowering.check(builder.fcmp_ordered("==", b, FLOAT_ZERO), instruction)
        return builder.fdiv(a, b)
    if operator in ("//", "%"):
        lowering.check(builder.fcmp_ordered("==", b, FLOAT_ZERO), instruction)
        return _float_floor_divide_or_modulo(lowering, operator, a, b)
    if operator == "**":
        return _float_power(lowering, instruction, a, b)
    raise Unlowerable("float %s float" % operator)


def _float_floor_divide_or_modulo(lowering, operator, a, b):
    builder = lowering.builder
    module = lowering.module
    copysign = _intrinsic(module, "llvm.copysign.f64", [DOUBLE, DOUBLE])
    floor = _intrinsic(module, "llvm.floor.f64", [DOUBLE])
    modulo = builder.frem(a, b)
    nonzero = builder.fcmp_unordered("!=", modulo, FLOAT_ZERO)
    signs_differ = builder.xor(builder.fcmp_ordered("<", b, FLOAT_ZERO),
                               builder.fcmp_ordered("<", modulo, FLOAT_ZERO))
    adjust = builder.and_(nonzero, signs_differ)
    if operator == "%":
        adjusted = builder.select(adjust, builder.fadd(modulo, b), modulo)
        return builder.select(nonzero, adjusted, builder.call(copysign, [FLOAT_ZERO, b]))
    quotient = builder.fdiv(builder.fsub(a, modulo), b)
    quotient = builder.select(adjust, builder.fsub(quotient, FLOAT_ONE), quotient)
    floored = builder.call(floor, [quotient])
    round_up = builder.fcmp_ordered(">", builder.fsub(quotient, floored),
                                    ir.Constant(DOUBLE, 0.5))
    floored = builder.select(round_up, builder.fadd(floored, FLOAT_ONE), floored)
    quotient_zero = builder.fcmp_ordered("==", quotient, FLOAT_ZERO)
    return builder.select(quotient_zero, builder.call(copysign, [FLOAT_ZERO, builder.fdiv(a, b)]),
                          floored)


def _float_power(lowering, instruction, base, exponent):
    """``base ** exponent`` as CPython's float_pow, for finite operands and a finite
    result; the rest (infinities, NaNs, zero to a negative power, a negative base to a
    fractional power, overflow) leaves machine code."""
    builder = lowering.builder
    module = lowering.module
    fabs = _intrinsic(module, "llvm.fabs.f64", [DOUBLE])
    floor = _intrinsic(module, "llvm.floor.f64", [DOUBLE])
    lowering.check(builder.not_(builder.and_(_finite(builder, fabs, base),
                                             _finite(builder, fabs, exponent))), instruction)
    base_zero = builder.fcmp_ordered("==", base, FLOAT_ZERO)
    lowering.check(builder.and_(base_zero, builder.fcmp_ordered("<", exponent, FLOAT_ZERO)),
                   instruction)
    negative = builder.fcmp_ordered("<", base, FLOAT_ZERO)
    integral = builder.fcmp_ordered("==", builder.call(floor, [exponent]), exponent)
    lowering.check(builder.and_(negative, builder.not_(integral)), instruction)
    # An odd integral exponent keeps a negative base's sign (and a zero's).
    odd = builder.fcmp_ordered("==", builder.frem(builder.call(fabs, [exponent]),
                                                  ir.Constant(DOUBLE, 2.0)), FLOAT_ONE)
    power = builder.call(_libm(module, "pow", 2), [builder.call(fabs, [base]), exponent])
    signed = builder.select(builder.and_(negative, odd), builder.fneg(power), power)
    zero_result = builder.select(odd, base, FLOAT_ZERO)
    exponent_zero = builder.fcmp_ordered("==", exponent, FLOAT_ZERO)
    result = builder.select(base_zero, zero_result, signed)
    result = builder.select(exponent_zero, FLOAT_ONE, result)
    lowering.check(builder.fcmp_ordered("==", builder.call(fabs, [result]), INFINITY),
                   instruction)
    return result


def _finite(builder, fabs, value):
    return builder.fcmp_ordered("<", builder.call(fabs, [value]), INFINITY)


def unary(lowering, instruction):
    (operand,) = instruction.operands
    operator = instruction.detail
    builder = lowering.builder
    if operator == "not":
        return builder.not_(lowering.truth(lowering.value(operand), operand.type))
    if operand.type is FLOAT:
        if operator == "-":
            return builder.fneg(lowering.value(operand))
        return lowering.value(operand)          # unary +
    value = lowering.value(operand, INT)
    if operator == "-":
        lowering.check(builder.icmp_signed("==", value, ir.Constant(I64, INT_MIN)), instruction)
        return builder.neg(value)
    if operator == "~":
        return builder.not_(value)
    return value                                # unary +


def compare(lowering, instruction):
    left, right = instruction.operands
    operator = instruction.detail
    builder = lowering.builder
    if FLOAT in (left.type, right.type):
        # An int is compared with a float exactly; within 2**53 the conversion is.
        for operand in (left, right):
            if operand.type is INT:
                lowering.check(_beyond_exact_float(builder, lowering.value(operand)),
                               instruction)
        a, b = lowering.value(left, FLOAT), lowering.value(right, FLOAT)
        if operator == "!=":
            return builder.fcmp_unordered("!=", a, b)
        return builder.fcmp_ordered(operator, a, b)
    if left.type is BOOL and right.type is BOOL:
        return builder.icmp_unsigned(operator, lowering.value(left), lowering.value(right))
    return builder.icmp_signed(operator, lowering.value(left, INT), lowering.value(right, INT))


# -- what the module declares once ----------------------------------------------------------

def _intrinsic(module, name, argument_types):
    found = module.globals.get(name)
    if found is None:
        found = ir.Function(module, ir.FunctionType(argument_types[0], argument_types), name)
    return found


def _libm(module, name, arity):
    """The C library's ``name``, called as CPython calls it (``nobuiltin``: LLVM may not
    replace the call with its own idea of the function, as it would ``pow(x, 2.0)``
    with ``x * x``)."""
    found = module.globals.get(name)
    if found is None:
        found = ir.Function(module, ir.FunctionType(DOUBLE, [DOUBLE] * arity), name)
        found.attributes.add("nobuiltin")
    return found


def libm(module, name, arity=1):
    return _libm(module, name, arity)


def intrinsic(module, name, argument_types):
    return _intrinsic(module, name, argument_types)


def _int_power_function(module):
    """``pvm.int_power(base, exponent) -> {power, overflowed}`` for exponent >= 0, by
    squaring, each product checked."""
    name = "pvm.int_power"
    found = module.globals.get(name)
    if found is not None:
        return found
    pair = ir.LiteralStructType([I64, I1])
    function = ir.Function(module, ir.FunctionType(pair, [I64, I64]), name)
    function.linkage = "internal"
    base, exponent = function.args
    entry = function.append_basic_block("entry")
    loop = function.append_basic_block("loop")
    multiply = function.append_basic_block("multiply")
    square = function.append_basic_block("square")
    done = function.append_basic_block("done")
    overflowed = function.append_basic_block("overflowed")
    builder = ir.IRBuilder(entry)
    builder.branch(loop)
    builder.position_at_end(loop)
    result = builder.phi(I64)
    power_base = builder.phi(I64)
    remaining = builder.phi(I64)
    result.add_incoming(ONE, entry)
    power_base.add_incoming(base, entry)
    remaining.add_incoming(exponent, entry)
    builder.cbranch(builder.icmp_signed("==", remaining, ZERO), done, multiply)
    builder.position_at_end(multiply)
    odd = builder.trunc(remaining, I1)
    product = builder.smul_with_overflow(result, power_base)
    product_overflowed = builder.and_(odd, builder.extract_value(product, 1))
    new_result = builder.select(odd, builder.extract_value(product, 0), result)
    after_multiply = builder.block
    builder.cbranch(product_overflowed, overflowed, square)
    builder.position_at_end(square)
    new_remaining = builder.ashr(remaining, ONE)
    squared = builder.smul_with_overflow(power_base, power_base)
    # The square is needed only while bits remain.
    square_overflowed = builder.and_(builder.icmp_signed("!=", new_remaining, ZERO),
                                     builder.extract_value(squared, 1))
    result.add_incoming(new_result, square)
    power_base.add_incoming(builder.extract_value(squared, 0), square)
    remaining.add_incoming(new_remaining, square)
    builder.cbranch(square_overflowed, overflowed, loop)
    del after_multiply
    builder.position_at_end(done)
    value = builder.insert_value(ir.Constant(pair, ir.Undefined), result, 0)
    builder.ret(builder.insert_value(value, ir.Constant(I1, 0), 1))
    builder.position_at_end(overflowed)
    builder.ret(builder.insert_value(ir.Constant(pair, ir.Undefined), ir.Constant(I1, 1), 1))
    return function
