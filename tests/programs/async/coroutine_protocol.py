# Checks: driving a coroutine by hand with send(), custom awaitables with __await__, and never-awaited errors.
import types


class Ready:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        received = yield "suspend"
        return self.value + received


async def compute():
    first = await Ready(1)
    second = await Ready(10)
    return first + second


coroutine = compute()
print(coroutine.send(None))
print(coroutine.send(100))
try:
    coroutine.send(1000)
except StopIteration as stop:
    print("result", stop.value)


@types.coroutine
def legacy():
    value = yield "legacy suspend"
    return value


async def uses_legacy():
    return await legacy()


coroutine = uses_legacy()
print(coroutine.send(None))
try:
    coroutine.send("done")
except StopIteration as stop:
    print("legacy result", stop.value)


async def simple():
    return 1


coroutine = simple()
coroutine.close()
try:
    coroutine.send(None)
except RuntimeError as error:
    print("RuntimeError:", error)
