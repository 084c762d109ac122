# Checks: conditional expressions and truth values of builtin objects.
for value in (0, 1, -1, 0.0, 0j, "", "0", [], [0], (), {}, {0: 0}, set(), None, range(0), b""):
    print(repr(value), "truthy" if value else "falsy")


class Sized:
    def __len__(self):
        return 0


class Flag:
    def __bool__(self):
        return True

    def __len__(self):
        return 0


print(bool(Sized()), bool(Flag()), "yes" if Sized() else "no")
x = 7
print("even" if x % 2 == 0 else "odd" if x > 5 else "small odd")
