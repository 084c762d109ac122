# Checks: a generator that calls next() on itself raises ValueError: generator already executing.
def selfish():
    yield next(gen)


gen = selfish()
try:
    next(gen)
except ValueError as error:
    print("ValueError:", error)
