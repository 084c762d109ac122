"""Operators.  The commonest operators get variants that write the operator out, which
saves the call of the ``operator`` module's function."""

from pvm.engine.instructions.define import instruction, variant


# -- unary -------------------------------------------------------------------------------------

@instruction
def UNARY_POSITIVE(value):
    return +value


@instruction
def UNARY_NEGATIVE(value):
    return -value


@instruction
def UNARY_NOT(value):
    return not value


@instruction
def UNARY_INVERT(value):
    return ~value


# -- binary ------------------------------------------------------------------------------------

@instruction
def BINARY_OP(left, right, *, binary_function):
    return binary_function(left, right)


@variant("BINARY_OP", when=lambda operand: operand == 0)
def BINARY_OP_ADD(left, right):
    return left + right


@variant("BINARY_OP", when=lambda operand: operand == 10)
def BINARY_OP_SUBTRACT(left, right):
    return left - right


@variant("BINARY_OP", when=lambda operand: operand == 5)
def BINARY_OP_MULTIPLY(left, right):
    return left * right


@variant("BINARY_OP", when=lambda operand: operand == 13)
def BINARY_OP_INPLACE_ADD(left, right):
    left += right
    return left


# -- comparisons -------------------------------------------------------------------------------

@instruction
def COMPARE_OP(left, right, *, compare_function):
    return compare_function(left, right)


@variant("COMPARE_OP", when=lambda operand: operand == 0)
def COMPARE_OP_LESS(left, right):
    return left < right


@variant("COMPARE_OP", when=lambda operand: operand == 2)
def COMPARE_OP_EQUAL(left, right):
    return left == right


@instruction(raises=False)
def IS_OP(left, right):
    return left is right


@variant("IS_OP", when=lambda operand: operand != 0, raises=False)
def IS_NOT_OP(left, right):
    return left is not right


@instruction
def CONTAINS_OP(item, container):
    return item in container


@variant("CONTAINS_OP", when=lambda operand: operand != 0)
def NOT_CONTAINS_OP(item, container):
    return item not in container


# -- subscripts and slices -----------------------------------------------------------------

@instruction
def BINARY_SUBSCR(container, key):
    return container[key]


@instruction
def STORE_SUBSCR(value, container, key):
    container[key] = value


@instruction
def DELETE_SUBSCR(container, key):
    del container[key]


# The plain form is the two-item slice (operand 2).
@instruction(raises=False)
def BUILD_SLICE(start, stop):
    return slice(start, stop)


@variant("BUILD_SLICE", when=lambda operand: operand == 3, raises=False)
def BUILD_SLICE_STEP(start, stop, step):
    return slice(start, stop, step)
