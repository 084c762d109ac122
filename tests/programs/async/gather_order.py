# Checks: asyncio.gather runs coroutines concurrently and returns results in argument order.
import asyncio

log = []


async def worker(name, steps):
    for step in range(steps):
        log.append(f"{name}{step}")
        await asyncio.sleep(0)
    return name * steps


async def main():
    results = await asyncio.gather(worker("a", 3), worker("b", 1), worker("c", 2))
    print(results)
    print(log)


asyncio.run(main())
