# Checks: generator.throw raises at the paused yield; the generator may catch and continue or finish.
def resilient():
    while True:
        try:
            yield "ready"
        except ValueError as error:
            print("generator caught", error)
            yield "recovered"


gen = resilient()
print(next(gen))
print(gen.throw(ValueError("bad value")))
print(next(gen))
try:
    gen.throw(KeyError("not handled"))
except KeyError as error:
    print("propagated", repr(error))
print(next(gen, "exhausted"))


def fresh():
    yield 1


try:
    fresh().throw(RuntimeError("before start"))
except RuntimeError as error:
    print("RuntimeError:", error)
gen = fresh()
next(gen)
try:
    gen.throw(TypeError)
except TypeError as error:
    print("TypeError raised from class", repr(error))
