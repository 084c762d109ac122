# Checks: guest functions called back by host code: sorted, map, min, re.sub, str.join with generators, dict.get default.
import re

calls = []


def key(value):
    calls.append(value)
    return -value


print(sorted([3, 1, 2], key=key), calls)
print(re.sub(r"[aeiou]", lambda match: match.group().upper(), "functional"))
print(min(["bb", "a", "ccc"], key=lambda s: len(s)), list(map(lambda x, y: x * y, [1, 2], [3, 4])))
print(list(filter(str.isdigit, "a1b2c3")))


class Key:
    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        calls.append("lt")
        return self.value < other.value


calls.clear()
print([k.value for k in sorted([Key(2), Key(1)])], calls)
