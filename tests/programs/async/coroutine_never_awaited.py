# Checks: a coroutine never awaited warns (RuntimeWarning with its source, the tracemalloc hint) at the line that made it.
async def f():
    pass
f()
print("done")
