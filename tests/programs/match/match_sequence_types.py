# Checks: which sequence types match sequence patterns: list, tuple, range, deque, memoryview vs str/bytes.
import array
import collections


def describe(subject):
    match subject:
        case [a, b, *_]:
            return f"sequence starting {a!r}, {b!r}"
        case _:
            return "not matched"


for subject in ([1, 2], (1, 2, 3), range(2, 5), collections.deque("xy"), array.array("b", [7, 8]),
                "ab", b"ab", bytearray(b"ab"), {1: 2, 3: 4}):
    print(type(subject).__name__, describe(subject))
