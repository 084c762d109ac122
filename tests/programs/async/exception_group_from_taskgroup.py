# Checks: asyncio.TaskGroup collects task failures into an ExceptionGroup handled by except*.
import asyncio


async def succeed(value):
    await asyncio.sleep(0)
    return value


async def fail(message):
    await asyncio.sleep(0)
    raise ValueError(message)


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            ok = group.create_task(succeed("fine"))
            group.create_task(fail("task one"))
            group.create_task(fail("task two"))
    except* ValueError as errors:
        print(sorted(str(error) for error in errors.exceptions))
    print(ok.result())
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(succeed(n)) for n in range(3)]
    print([task.result() for task in tasks])


asyncio.run(main())
