# Checks: closures over generator locals and generators over closure variables.
def make_stream(start):
    current = start

    def advance(step):
        nonlocal current
        current += step
        return current

    def stream():
        while current < start + 10:
            yield advance(3)
    return stream


print(list(make_stream(5)()))
