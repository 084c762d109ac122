# Checks: *args receives a tuple; **kwargs a fresh dict; mutation does not leak to the caller.
def mutate(*args, **kwargs):
    kwargs["added"] = True
    return type(args).__name__, args, kwargs


options = {"a": 1}
print(mutate(*[1, 2], **options), options)


def takes_list(items):
    items.append("mutated")


shared = []
takes_list(shared)
print(shared)
