# Checks: awaiting non-awaitables raises TypeError; exceptions propagate through awaits.
import asyncio


async def inner():
    await asyncio.sleep(0)
    raise LookupError("deep failure")


async def middle():
    return await inner()


async def main():
    try:
        await 5
    except TypeError as error:
        print("TypeError:", error)
    try:
        await middle()
    except LookupError as error:
        print("LookupError:", error)


asyncio.run(main())
