# Checks: user __eq__/__hash__ are used by dicts and sets; hash collisions resolved by __eq__.
class Key:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        print(f"eq {self.name} {other.name}")
        return isinstance(other, Key) and self.name.lower() == other.name.lower()

    def __hash__(self):
        return len(self.name)

    def __repr__(self):
        return f"Key({self.name!r})"


table = {Key("abc"): 1}
table[Key("ABC")] = 2
table[Key("xyz")] = 3
print(table)
print(Key("Abc") in table, len({Key("a"), Key("A"), Key("b")}))


class NoHash:
    def __eq__(self, other):
        return True


try:
    {NoHash(): 1}
except TypeError as error:
    print("TypeError:", error)
print(NoHash.__hash__)
