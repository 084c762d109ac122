# Checks: a function's __annotations__: made on first read and kept, replaced only by a dict or None (TypeError's message otherwise), made again after a delete (twice is no error), each function made at run time with its own.
def annotated(a: int, *, b: "text" = "x") -> list:
    return [a, b]


def plain():
    pass


print(annotated.__annotations__)
first = plain.__annotations__
print(first, first is plain.__annotations__)
first["added"] = 1
print(plain.__annotations__)
for value in (5, "text", [("a", int)]):
    try:
        plain.__annotations__ = value
    except TypeError as error:
        print("TypeError:", error)
plain.__annotations__ = None
print(plain.__annotations__, plain.__annotations__ is first)
del plain.__annotations__
del plain.__annotations__
print(plain.__annotations__)
made = [lambda: 0 for _ in range(3)]
print([function.__annotations__ for function in made])
made[0].__annotations__["x"] = int
print([function.__annotations__ for function in made])
