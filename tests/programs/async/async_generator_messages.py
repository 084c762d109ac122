# Checks: async generators are named "async generator" in their error messages (a just-started one sent a value, StopIteration raised inside, GeneratorExit ignored) and types.AsyncGeneratorType[int] is a generic alias, as in CPython; generators and coroutines are not subscriptable; found by test_asyncgen and test_genericalias.
import types


async def raises_stop():
    yield 1
    raise StopIteration


async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


def drive(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return ("stop", stop.value)
    except BaseException as error:
        return (type(error).__name__, str(error))
    return ("suspended",)


print(drive(raises_stop().asend(1)))
generator = raises_stop()
print(drive(generator.asend(None)))
print(drive(generator.asend(None)))
generator = ignores_exit()
print(drive(generator.asend(None)))
print(drive(generator.aclose()))


print(types.AsyncGeneratorType[int], types.AsyncGeneratorType[int].__origin__)
for kind in (types.GeneratorType, types.CoroutineType):
    try:
        kind[int]
    except TypeError as error:
        print(error)


def plain():
    yield 1
    raise StopIteration


try:
    list(plain())
except RuntimeError as error:
    print(error)
