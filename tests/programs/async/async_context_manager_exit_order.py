# Checks: nested async with blocks unwind in reverse order when an exception passes through.
import asyncio


class Step:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("enter", self.name)

    async def __aexit__(self, kind, value, traceback):
        print("exit", self.name, kind.__name__ if kind else None)


async def main():
    try:
        async with Step("outer"):
            async with Step("inner"):
                raise RuntimeError("stop")
    except RuntimeError as error:
        print("caught", error)


asyncio.run(main())
