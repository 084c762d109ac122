"""Stack manipulation."""

from pvm.engine.instructions.define import instruction, variant


@instruction(raises=False)
def NOP():
    pass


@instruction(raises=False)
def POP_TOP(value):
    pass


@instruction(raw=True, raises=False)
def COPY(*, stack, operand):
    stack.append(stack[-operand])


@instruction(raw=True, raises=False)
def SWAP(*, stack, operand):
    stack[-1], stack[-operand] = stack[-operand], stack[-1]


# The commonest forms with named items, so that a superinstruction keeps them in local
# variables (``o.a += 1`` copies the owner and swaps the result under it).
@variant("COPY", when=lambda operand: operand == 1, raises=False)
def COPY_TOP(value):
    return value, value


@variant("SWAP", when=lambda operand: operand == 2, raises=False)
def SWAP_TOP_TWO(second, top):
    return top, second


# x[i] op= y copies the container and the index, and swaps the result under them.
@variant("COPY", when=lambda operand: operand == 2, raises=False)
def COPY_SECOND(second, top):
    return second, top, second


@variant("SWAP", when=lambda operand: operand == 3, raises=False)
def SWAP_TOP_THIRD(third, second, top):
    return top, second, third
