# Checks: asyncio.gather with return_exceptions and with a failing task.
import asyncio


async def ok(value):
    await asyncio.sleep(0)
    return value


async def fail(message):
    await asyncio.sleep(0)
    raise ValueError(message)


async def main():
    results = await asyncio.gather(ok(1), fail("boom"), ok(3), return_exceptions=True)
    print([repr(result) for result in results])
    try:
        await asyncio.gather(ok(1), fail("first failure"))
    except ValueError as error:
        print("gather raised", error)


asyncio.run(main())
