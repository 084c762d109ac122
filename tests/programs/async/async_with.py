# Checks: async with calls __aenter__/__aexit__, with exception info and suppression.
import asyncio


class Connection:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await asyncio.sleep(0)
        print("open", self.name)
        return self

    async def __aexit__(self, kind, value, traceback):
        await asyncio.sleep(0)
        print("close", self.name, kind.__name__ if kind else None)
        return self.suppress


async def main():
    async with Connection("db") as connection:
        print("using", connection.name)
    async with Connection("quiet", suppress=True):
        raise ValueError("suppressed")
    try:
        async with Connection("loud"):
            raise KeyError("escapes")
    except KeyError as error:
        print("caught", repr(error))
    async with Connection("a") as a, Connection("b") as b:
        print("both", a.name, b.name)


asyncio.run(main())
