# Checks: PEP 448 unpacking in calls, lists, tuples, sets and dicts with duplicate keys.
def show(*args, **kwargs):
    return args, kwargs


print(show(*[1, 2], 3, *(4,), x=1, **{"y": 2}))
defaults = {"color": "red", "size": 1}
overrides = {"size": 3}
print({**defaults, **overrides, "extra": True})
print([*range(2), *"ab"], (*[1], *[2]), sorted({*[3, 1], *(2, 1)}))
print(dict(**{"a": 1}, b=2), [*{"k": 1}])
