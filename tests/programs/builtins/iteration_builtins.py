# Checks: iter, next, all, any, enumerate, zip, reversed, sorted, len on various objects.
print(all([]), any([]), all([1, "a"]), any([0, None, 3]), all(x > 0 for x in [1, -1]))
print(len("abc"), len([1]), len({}), len(range(0, 10, 3)), len(b"xy"))
iterator = iter("ab")
print(next(iterator), next(iterator), next(iterator, "default"))
try:
    next(iterator)
except StopIteration:
    print("StopIteration")
print(sorted({3: "c", 1: "a"}), sorted("cba", reverse=True), list(reversed("abc")), list(reversed((1, 2))))
try:
    len(5)
except TypeError as error:
    print("TypeError:", error)
try:
    iter(5)
except TypeError as error:
    print("TypeError:", error)
try:
    next([1])
except TypeError as error:
    print("TypeError:", error)
