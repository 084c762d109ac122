# Checks: asyncio.Event and asyncio.Lock coordinate tasks in a deterministic order.
import asyncio


async def waiter(event, name):
    print(name, "waiting")
    await event.wait()
    print(name, "released")


async def critical(lock, name, log):
    async with lock:
        log.append(f"{name} in")
        await asyncio.sleep(0)
        log.append(f"{name} out")


async def main():
    event = asyncio.Event()
    waiters = [asyncio.create_task(waiter(event, f"w{i}")) for i in range(2)]
    await asyncio.sleep(0)
    print("setting event")
    event.set()
    await asyncio.gather(*waiters)
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(critical(lock, name, log) for name in "abc"))
    print(log)


asyncio.run(main())
