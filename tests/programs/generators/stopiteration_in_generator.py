# Checks: PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def leaky():
    yield 1
    raise StopIteration("leaked")


gen = leaky()
print(next(gen))
try:
    next(gen)
except RuntimeError as error:
    print("RuntimeError:", error, "| cause:", repr(error.__cause__))


def uses_next(iterator):
    while True:
        yield next(iterator)


try:
    print(list(uses_next(iter([1, 2]))))
except RuntimeError as error:
    print("RuntimeError:", error)
