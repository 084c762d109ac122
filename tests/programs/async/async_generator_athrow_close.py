# Checks: an async generator that yields in finally during aclose raises RuntimeError.
import asyncio


async def stubborn():
    try:
        yield 1
    finally:
        yield "not allowed"


async def main():
    gen = stubborn()
    print(await gen.__anext__())
    try:
        await gen.aclose()
    except RuntimeError as error:
        print("RuntimeError:", error)


asyncio.run(main())
