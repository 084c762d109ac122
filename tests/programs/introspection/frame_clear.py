# Checks: frame.clear(): a finished frame loses its locals, a running one refuses (traceback.clear_frames relies on it), a generator's frame closes its generator.
import sys
def f():
    x = 1
    return sys._getframe()
fr = f()
print(fr.f_locals)
fr.clear()
print(fr.f_locals)
try:
    sys._getframe().clear()
except RuntimeError as e:
    print(e)
def g():
    yield sys._getframe()
gen = g()
gf = next(gen)
gen.gi_frame.clear()
print(gen.gi_frame)
import traceback


def failing():
    local = "kept until cleared"
    raise ValueError(local)


try:
    failing()
except ValueError as error:
    trace = error.__traceback__
    traceback.clear_frames(trace)
    print(trace.tb_frame.f_code.co_name, trace.tb_next.tb_frame.f_locals)
print("still running after clear_frames")


def closing():
    try:
        yield 1
    finally:
        print("generator closed by frame.clear()")


gen = closing()
next(gen)
gen.gi_frame.clear()
print(gen.gi_frame, list(gen))


async def never_run():
    pass


import warnings
with warnings.catch_warnings(record=True):
    warnings.simplefilter("always")
    orphan = never_run().cr_frame
print(orphan.clear(), orphan.f_locals)
