# Checks: async generators: async for, asend, athrow, aclose and comprehensions.
import asyncio


async def countdown(n):
    while n > 0:
        await asyncio.sleep(0)
        yield n
        n -= 1


async def accumulator():
    total = 0
    while True:
        try:
            value = yield total
        except ValueError:
            total = 0
            continue
        total += value


async def main():
    print([n async for n in countdown(4)])
    print([n async for n in countdown(6) if n % 2])
    gen = accumulator()
    print(await gen.asend(None), await gen.asend(5), await gen.asend(7))
    print(await gen.athrow(ValueError))
    print(await gen.asend(1))
    await gen.aclose()
    try:
        await gen.asend(1)
    except StopAsyncIteration:
        print("closed generator is exhausted")


asyncio.run(main())
