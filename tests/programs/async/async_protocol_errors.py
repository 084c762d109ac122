# Checks: the TypeErrors of async for / async with / await for objects that break the protocol (which method, which object, cause and context)
def run(coro):
    try:
        coro.send(None)
    except BaseException as e:
        print(type(e).__name__, e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__))

class NoAnext:
    def __aiter__(self): return self
async def f1():
    async for i in NoAnext(): pass
run(f1())

class BadAwait:
    def __aiter__(self): return self
    def __anext__(self): return self
    def __await__(self): 1/0
async def f2():
    async for i in BadAwait(): pass
run(f2())

class IntAnext:
    def __aiter__(self): return self
    def __anext__(self): return 1
async def f3():
    async for i in IntAnext(): pass
run(f3())

class NoAexit:
    def __aenter__(self): return self
async def f4():
    async with NoAexit(): pass
run(f4())
class NoAenter:
    def __aexit__(self, *a): return self
async def f4b():
    async with NoAenter(): pass
run(f4b())

class IntEnter:
    def __aenter__(self): return 1
    def __aexit__(self, *a): return 2
async def f5():
    async with IntEnter(): pass
run(f5())
class IntExit:
    async def __aenter__(self): return 1
    def __aexit__(self, *a): return 2
async def f6():
    async with IntExit(): pass
run(f6())
async def f7():
    async with IntExit(): 1/0
run(f7())
async def f8():
    for i in range(2):
        async with IntExit(): break
run(f8())
async def f9():
    await 1
run(f9())
class BadAwait2:
    def __await__(self): return 1
async def f10():
    await BadAwait2()
run(f10())
class CoroAwait:
    def __await__(self):
        async def c(): pass
        return c()
async def f11():
    await CoroAwait()
import warnings
warnings.simplefilter("ignore")
run(f11())
