# Checks: finally in an async generator runs on aclose and on break out of async for.
import asyncio


async def resource(name):
    try:
        for index in range(3):
            yield f"{name}{index}"
    finally:
        print("released", name)


async def main():
    gen = resource("early")
    async for item in gen:
        print(item)
        break
    await gen.aclose()
    async for item in resource("full"):
        print(item)


asyncio.run(main())
