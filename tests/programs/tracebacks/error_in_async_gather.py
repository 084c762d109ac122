# Checks: traceback of an exception from one of several gathered coroutines.
import asyncio


async def check(value):
    await asyncio.sleep(0)
    if value < 0:
        raise ValueError(f"negative: {value}")
    return value


async def main():
    return await asyncio.gather(check(1), check(-2))


asyncio.run(main())
