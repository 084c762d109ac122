# Checks: collecting results from many tasks with asyncio.wait and sorted output.
import asyncio


async def square(n):
    for _ in range(n % 3):
        await asyncio.sleep(0)
    return n * n


async def main():
    tasks = [asyncio.create_task(square(n)) for n in range(6)]
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending), sorted(task.result() for task in done))
    print([task.result() for task in tasks])


asyncio.run(main())
