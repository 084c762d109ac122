# Checks: asyncio.wait_for with a timeout on a never-finishing future raises TimeoutError.
import asyncio


async def main():
    never = asyncio.get_running_loop().create_future()
    try:
        await asyncio.wait_for(never, timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out", never.cancelled())
    print(await asyncio.wait_for(asyncio.sleep(0, result="fast"), timeout=10))


asyncio.run(main())
