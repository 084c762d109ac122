# Checks: async methods, async classmethods, and async functions passed around as values.
import asyncio


class Service:
    def __init__(self, name):
        self.name = name

    async def call(self, value):
        await asyncio.sleep(0)
        return f"{self.name}:{value}"

    @classmethod
    async def build(cls, name):
        await asyncio.sleep(0)
        return cls(name)


async def apply(function, *args):
    return await function(*args)


async def main():
    service = await Service.build("svc")
    print(await service.call(1), await apply(service.call, 2))
    print(asyncio.iscoroutinefunction(Service.call), asyncio.iscoroutinefunction(print))


asyncio.run(main())
