# Checks: asyncio.run drives a coroutine; await of coroutines returns values.
import asyncio


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def main():
    first = await add(1, 2)
    second = await add(first, 10)
    print("results", first, second)
    return second * 2


print(asyncio.run(main()))
