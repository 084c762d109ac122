# Checks: coroutine objects: awaited in place (cr_await chains), "being awaited already", reuse after the end, the coroutine wrapper, read-only attributes, names and types.
import copy
import types


@types.coroutine
def suspend():
    yield "suspended"


async def inner():
    await suspend()
    return "inner done"


async def outer():
    return await inner()


coro = outer()
print(coro.send(None))
awaited = coro.cr_await
print(type(awaited).__name__, awaited.cr_code.co_name)
print(type(awaited.cr_await).__name__, awaited.cr_await.gi_code.co_name)


async def waiter(target):
    await target

try:
    waiter(awaited).send(None)
except RuntimeError as error:
    print("RuntimeError:", error)

try:
    coro.send(None)
except StopIteration as stop:
    print("returned", stop.value)
print(coro.cr_await, coro.cr_frame)

for action in (lambda: coro.send(None), lambda: coro.throw(ValueError("late")),
               lambda: coro.__await__().send(None)):
    try:
        action()
    except RuntimeError as error:
        print("RuntimeError:", error)
print(coro.close(), coro.close())


async def plain():
    return 1

fresh = plain()
wrapper = fresh.__await__()
print(type(wrapper).__name__, iter(wrapper) is wrapper, "__next__" in dir(wrapper))
print("__next__" in dir(fresh), "__await__" in dir(fresh))
try:
    next(wrapper)
except StopIteration as stop:
    print("wrapper returned", stop.value)

for obj in (plain(), plain().__await__()):
    try:
        copy.copy(obj)
    except TypeError as error:
        print("TypeError:", error)
    obj.close()

fresh = plain()
print(type(fresh), types.CoroutineType is type(fresh), fresh.__name__,
      fresh.__qualname__)
for attribute in ("cr_running", "cr_frame", "cr_await", "cr_code", "cr_origin"):
    try:
        setattr(fresh, attribute, 1)
    except AttributeError as error:
        print("AttributeError:", error)
try:
    fresh.__name__ = 3
except TypeError as error:
    print("TypeError:", error)
fresh.__name__ = "renamed"
print(fresh.__name__)
print(sorted(name for name in dir(fresh) if not name.startswith("_")))
fresh.close()


@types.coroutine
def delegating(target):
    return (yield from target)

inner_coro = plain()
try:
    delegating(inner_coro).send(None)
except StopIteration as stop:
    print("yield from a coroutine in a types.coroutine generator:", stop.value)


def plain_generator(target):
    return (yield from target)

unawaited = plain()
try:
    next(plain_generator(unawaited))
except TypeError as error:
    print("TypeError:", error)
unawaited.close()
