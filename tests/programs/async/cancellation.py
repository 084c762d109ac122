# Checks: cancelling a task raises CancelledError inside it; cleanup runs; the awaiting side sees it.
import asyncio


async def long_running():
    try:
        while True:
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("task saw cancellation")
        raise
    finally:
        print("task cleanup")


async def main():
    task = asyncio.create_task(long_running())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main saw CancelledError", task.cancelled())


asyncio.run(main())
