# Checks: *args and **kwargs in definitions and calls, unpacking several iterables.
def show(*args, **kwargs):
    return args, sorted(kwargs.items())


print(show(), show(1, 2), show(a=1), show(1, *[2, 3], *(4,), b=2, **{"c": 3}, **{"d": 4}))
print(show(*"ab", *range(2)))


def add(a, b, c):
    return a + b + c


values = [1, 2, 3]
options = {"b": 20, "c": 30}
print(add(*values), add(1, **options), add(*values[:1], *values[1:]))
try:
    add(1, **{"a": 2, "b": 3, "c": 4})
except TypeError as error:
    print("TypeError:", error)
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as error:
    print("TypeError:", error)
try:
    add(*[1, 2])
except TypeError as error:
    print("TypeError:", error)
try:
    add(1, 2, 3, d=4)
except TypeError as error:
    print("TypeError:", error)
