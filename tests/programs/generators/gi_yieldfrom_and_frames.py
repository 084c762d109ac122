# Checks: gi_yieldfrom shows the delegated iterator; gi_running inside the generator; gi_code.co_name.
def inner():
    yield 1
    yield 2


def outer():
    yield from inner()


gen = outer()
print(gen.gi_yieldfrom)
next(gen)
print(gen.gi_yieldfrom.gi_code.co_name, gen.gi_code.co_name, gen.gi_running)


def running():
    yield current.gi_running


current = running()
print(next(current))
