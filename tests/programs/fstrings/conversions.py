# Checks: f-string conversions !r, !s, !a on strings and objects.
class Thing:
    def __repr__(self):
        return "Thing<repr>"

    def __str__(self):
        return "Thing<str>"


name = "café"
thing = Thing()
print(f"{name} {name!r} {name!s} {name!a}")
print(f"{thing} {thing!r} {thing!s} {thing!a}")
print(f"{[name]} {[name]!s} {(1, 'a')!r}")
