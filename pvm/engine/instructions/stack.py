"""Stack manipulation."""

from pvm.engine.instructions.define import instruction


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
