# Checks: generators with and without locals, suspended with and without values on their stack (in a for loop, in yield from), answer introspection (state, locals, gi_yieldfrom, frame.clear) and resume, throw and close as in CPython; pvm keeps no stack list while one is suspended with nothing on it.
import inspect


def no_locals():
    yield 1
    yield 2


def looping(limit):
    total = 0
    for index in range(limit):
        total += index
        received = yield total
        if received is not None:
            total += received


def delegating(start):
    first = start + 1
    yield first
    result = yield from no_locals()
    yield result


def describe(generator):
    frame = generator.gi_frame
    return (inspect.getgeneratorstate(generator), inspect.getgeneratorlocals(generator),
            None if frame is None else frame.f_code.co_name,
            type(generator.gi_yieldfrom).__name__)


def step(generator, value=None):
    try:
        return generator.send(value)
    except StopIteration as stop:
        return "stopped: %r" % (stop.value,)


for make in (no_locals, lambda: looping(4), lambda: delegating(1)):
    generator = make()
    print(describe(generator))
    print(step(generator), describe(generator))
    print(step(generator), describe(generator))
    print(step(generator, 10 if generator.gi_code.co_name == "looping" else None),
          describe(generator))
    print(list(generator), describe(generator))

many = [looping(3) for _ in range(5)] + [no_locals() for _ in range(5)]
for generator in many:
    next(generator)
print([step(generator) for generator in many])
print([step(generator, 5 if generator.gi_code.co_name == "looping" else None)
       for generator in many])
try:
    many[0].throw(ValueError("thrown"))
except ValueError as error:
    print("thrown back", error, describe(many[0]))
many[-1].close()
print(describe(many[-1]))
suspended = delegating(3)
next(suspended)
next(suspended)
suspended.gi_frame.clear()
print(describe(suspended))
fresh = no_locals()
fresh.gi_frame.clear()
print(describe(fresh), list(fresh))


async def never_awaited():
    return 1


coroutine = never_awaited()
coroutine.close()
print(inspect.getcoroutinestate(coroutine))
