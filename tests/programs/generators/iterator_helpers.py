# Checks: iter() with sentinel, next() default, enumerate/zip/reversed over generators.
import functools

data = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(data), 0)))
chunks = iter(functools.partial(next, iter("abcdef")), "d")
print(list(chunks))


def letters():
    yield from "xyz"


print(list(enumerate(letters(), start=1)), list(zip(letters(), letters())))
print(next(iter([]), "empty"), list(reversed(list(letters()))))
try:
    reversed(letters())
except TypeError as error:
    print("TypeError:", error)
