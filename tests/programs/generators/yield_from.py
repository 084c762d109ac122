# Checks: yield from delegates next/send/throw and returns the subgenerator's return value.
def inner():
    received = yield "inner first"
    print("inner received", received)
    try:
        yield "inner second"
    except KeyError:
        print("inner handled KeyError")
        yield "inner after error"
    return "inner result"


def outer():
    result = yield from inner()
    print("outer got", result)
    yield "outer done"


gen = outer()
print(next(gen))
print(gen.send("hello"))
print(gen.throw(KeyError))
print(next(gen))
print(list(gen))


def chain(*iterables):
    for iterable in iterables:
        yield from iterable


print(list(chain([1, 2], "ab", range(2), (x * x for x in range(3)))))
