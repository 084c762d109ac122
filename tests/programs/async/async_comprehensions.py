# Checks: await inside comprehensions, async generator expressions, and nested async comprehensions.
import asyncio


async def double(value):
    await asyncio.sleep(0)
    return value * 2


async def agen(n):
    for i in range(n):
        yield i


async def main():
    print([await double(x) for x in range(4)])
    print({x: await double(x) for x in range(3)})
    lazy = (await double(x) async for x in agen(3))
    print([value async for value in lazy])
    print([[y async for y in agen(x)] async for x in agen(3)])


asyncio.run(main())
