"""Control flow."""

from pvm.engine.instructions.define import instruction, jump, leave_frame
from pvm.engine.objects import Generator


@instruction(raises=False)
def JUMP():
    jump()


@instruction
def POP_JUMP_IF_FALSE(condition):
    if not condition:
        jump()


@instruction
def POP_JUMP_IF_TRUE(condition):
    if condition:
        jump()


@instruction(raises=False)
def POP_JUMP_IF_NONE(value):
    if value is None:
        jump()


@instruction(raises=False)
def POP_JUMP_IF_NOT_NONE(value):
    if value is not None:
        jump()


# The taken branch keeps the value on the stack.
@instruction
def JUMP_IF_FALSE_OR_POP(value):
    if not value:
        jump(value)


@instruction
def JUMP_IF_TRUE_OR_POP(value):
    if value:
        jump(value)


@instruction
def GET_ITER(iterable):
    return iter(iterable)


@instruction
def FOR_ITER(iterator):
    try:
        # pvm's own generators are resumed directly: next() would call their __next__
        # from the host's C code, which runs it in a nested host evaluation loop.
        item = iterator._resume(None) if type(iterator) is Generator else next(iterator)
    except StopIteration:
        jump()
    return iterator, item


@instruction
def PRINT_EXPR(value, *, frame):
    # The world's sys.displayhook, which it installs on the interpreter.
    frame.interpreter.display(value)


@instruction(raises=False)
def RETURN_VALUE(value):
    leave_frame(value)
