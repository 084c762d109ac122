# Checks: asyncio.create_task scheduling order, awaiting tasks, task results and names.
import asyncio


async def job(name, delay_steps):
    for _ in range(delay_steps):
        await asyncio.sleep(0)
    print("finished", name)
    return name.upper()


async def main():
    slow = asyncio.create_task(job("slow", 3), name="slow-task")
    fast = asyncio.create_task(job("fast", 1), name="fast-task")
    print("tasks created", slow.get_name(), fast.get_name())
    print(await slow, await fast, slow.done(), fast.result())


asyncio.run(main())
