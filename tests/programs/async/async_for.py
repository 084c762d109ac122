# Checks: async for over a class with __aiter__/__anext__ and StopAsyncIteration.
import asyncio


class Ticker:
    def __init__(self, count):
        self.count = count

    def __aiter__(self):
        self.current = 0
        return self

    async def __anext__(self):
        if self.current >= self.count:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.current += 1
        return self.current


async def main():
    async for tick in Ticker(3):
        print("tick", tick)
    else:
        print("async for else")
    print([tick async for tick in Ticker(4)])
    print({tick: tick * tick async for tick in Ticker(2)})


asyncio.run(main())
