# Checks: futures resolved with call_soon and loop.call_later(0) callbacks running guest functions in order.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    order = []
    future = loop.create_future()
    loop.call_soon(order.append, "soon 1")
    loop.call_soon(lambda: future.set_result("future value"))
    loop.call_soon(order.append, "soon 2")
    print(await future, order)
    future.add_done_callback(lambda f: order.append(f"done callback saw {f.result()}"))
    await asyncio.sleep(0)
    print(order)


asyncio.run(main())
