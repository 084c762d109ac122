# Checks: str concatenation, repetition, comparison, membership, iteration, indexing errors.
a = "spam"
b = "eggs"
print(a + b, a * 3, 3 * b, a < b, a == "spam", "pa" in a, "x" not in a)
print(list(a), a[0], a[-1], a[1:3], a[::2], a[10:], len(a * 0))
print(sorted("banana"), max("hello"), min("hello"), "".join(reversed(a)))
print(repr("quote's"), repr('dq"'), repr("both'\""), repr("\n\t\\"), ascii("é☃"))
print(str(b"bytes"), str(None), str(3.0), str([1, "a"]), repr("\x00\x7f"))
try:
    a[10]
except IndexError as error:
    print("IndexError:", error)
try:
    a[0] = "S"
except TypeError as error:
    print("TypeError:", error)
try:
    a + 1
except TypeError as error:
    print("TypeError:", error)
