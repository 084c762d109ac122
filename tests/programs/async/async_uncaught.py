# Checks: traceback of an exception escaping asyncio.run from nested coroutines.
import asyncio


async def fetch(key):
    await asyncio.sleep(0)
    return {"present": 1}[key]


async def main():
    return await fetch("absent")


asyncio.run(main())
