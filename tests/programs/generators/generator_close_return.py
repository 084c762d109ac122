# Checks: throw into a yield from chain reaches the innermost generator; close propagates to subgenerators.
def inner():
    try:
        yield "inner"
    finally:
        print("inner closed")


def middle():
    try:
        yield from inner()
    finally:
        print("middle closed")


gen = middle()
print(next(gen))
gen.close()


def catching_inner():
    try:
        yield 1
    except ValueError:
        return "inner swallowed"


def delegating():
    result = yield from catching_inner()
    yield result


gen = delegating()
next(gen)
print(gen.throw(ValueError))
