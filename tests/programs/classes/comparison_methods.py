# Checks: rich comparisons: reflection of __lt__/__gt__, __eq__ fallback to identity, NotImplemented.
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

    def __lt__(self, other):
        print(f"{self!r} < {other!r}")
        return self.parts < other.parts

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts


a, b = Version(1, 2), Version(1, 10)
print(a < b)
print(b > a)
print(a == Version(1, 2), a == "v1.2", a != b)
print(sorted([Version(2), Version(1, 5), Version(1)]))
try:
    a <= b
except TypeError as error:
    print("TypeError:", error)


class Plain:
    pass


p = Plain()
print(p == p, p == Plain(), p != Plain())
