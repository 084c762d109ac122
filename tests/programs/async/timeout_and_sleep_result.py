# Checks: asyncio.sleep returns its result argument; as_completed on already-ready tasks; shield.
import asyncio


async def main():
    print(await asyncio.sleep(0, result="slept"))
    values = []
    for finished in asyncio.as_completed([asyncio.sleep(0, result=n) for n in (1, 2)]):
        values.append(await finished)
    print(sorted(values))
    print(await asyncio.shield(asyncio.sleep(0, result="shielded")))


asyncio.run(main())
