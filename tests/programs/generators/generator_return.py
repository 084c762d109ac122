# Checks: return in a generator sets StopIteration.value; return values through yield from; bare return.
def gives(value):
    yield "only"
    return value


gen = gives(42)
next(gen)
try:
    next(gen)
except StopIteration as stop:
    print(stop.value, stop.args)


def stops_early(values):
    for value in values:
        if value is None:
            return
        yield value


print(list(stops_early([1, 2, None, 3])))


def collect():
    total = yield from gives(10)
    other = yield from gives(None)
    return total, other


gen = collect()
print(list(gen))
gen = collect()
for item in gen:
    pass
try:
    next(gen)
except StopIteration as stop:
    print("exhausted value", stop.value)
