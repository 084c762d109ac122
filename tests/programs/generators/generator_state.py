# Checks: inspect.getgeneratorstate through a generator's lifecycle, gi_running and gi_frame.
import inspect


def states():
    yield inspect.getgeneratorstate(gen)


gen = states()
print(inspect.getgeneratorstate(gen))
print(next(gen))
print(inspect.getgeneratorstate(gen))
print(list(gen), inspect.getgeneratorstate(gen), gen.gi_frame is None)
