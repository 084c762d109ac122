# Checks: asyncio.Queue with a producer and consumers interleaving deterministically.
import asyncio


async def producer(queue, count):
    for item in range(count):
        await queue.put(item)
        print("produced", item)
    await queue.put(None)


async def consumer(queue, results):
    while True:
        item = await queue.get()
        if item is None:
            break
        results.append(item * 10)
        print("consumed", item)


async def main():
    queue = asyncio.Queue(maxsize=2)
    results = []
    await asyncio.gather(producer(queue, 5), consumer(queue, results))
    print(results)


asyncio.run(main())
