# Checks: print with sep, end, file=sys.stderr, flush, and printing of many types.
import sys

print()
print("a", "b", "c", sep="-")
print("no newline", end="")
print(" continued", end="\n\n")
print(1, 2.5, None, True, [1, (2, 3)], {"k": {1}}, sep=" | ")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(5), sep=", ")
print("", end="")
print(b"bytes", bytearray(b"ba"), frozenset(), set(), range(3), slice(1, 2), ..., NotImplemented)
