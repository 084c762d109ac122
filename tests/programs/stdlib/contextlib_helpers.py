# Checks: contextlib.contextmanager exception handling, asynccontextmanager, and ExitStack unwinding order.
import asyncio
import contextlib


@contextlib.contextmanager
def handler(name):
    try:
        yield
    except ValueError as error:
        print(name, "handled", error)
    finally:
        print(name, "finished")


with handler("first"):
    raise ValueError("inside")
with contextlib.ExitStack() as stack:
    for name in "abc":
        stack.callback(print, "unwinding", name)


@contextlib.asynccontextmanager
async def session(name):
    print("open", name)
    yield name * 2
    print("close", name)


async def main():
    async with session("s") as value:
        print("using", value)


asyncio.run(main())
