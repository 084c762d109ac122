# Checks: dis: what does not depend on the bytecode (which pvm makes its own): code flags, opcode tables, stack effects.
import dis


def plain(a, b=1):
    return a + b


def variadic(*args, **kwargs):
    return args, kwargs


def generator():
    yield 1


async def coroutine():
    return 1


async def async_generator():
    yield 1


def outer():
    value = 1

    def inner():
        return value
    return inner


for function in (plain, variadic, generator, coroutine, async_generator, outer, outer()):
    print(function.__name__, dis.pretty_flags(function.__code__.co_flags))
print(sorted(dis.COMPILER_FLAG_NAMES.items()))
print([dis.opmap[name] for name in ("LOAD_CONST", "RETURN_VALUE", "BINARY_OP", "CALL")], dis.opname[100])
print(dis.stack_effect(dis.opmap["BUILD_LIST"], 3), dis.stack_effect(dis.opmap["POP_TOP"]),
      dis.stack_effect(dis.opmap["FOR_ITER"], 10, jump=True), dis.stack_effect(dis.opmap["FOR_ITER"], 10, jump=False))
print(dis.Instruction._fields, dis.Positions(1, 2, 3, 4), dis.HAVE_ARGUMENT, len(dis.cmp_op))
print(sorted(dis.opname[op] for op in dis.hasjabs)[:3], dis.EXTENDED_ARG in dis.opmap.values())
try:
    dis.stack_effect(dis.opmap["POP_TOP"], 1)
except ValueError as error:
    print("ValueError:", error)
