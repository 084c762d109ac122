# Checks: traceback of an exception raised inside a generator shows the generator frames.
def parse(items):
    for item in items:
        yield int(item)


def doubled(items):
    for number in parse(items):
        yield number * 2


print(list(doubled(["1", "2", "three"])))
