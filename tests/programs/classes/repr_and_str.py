# Checks: print uses __str__, falling back to __repr__; containers use repr of elements.
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"


class Both:
    def __repr__(self):
        return "Both(repr)"

    def __str__(self):
        return "Both(str)"


print(OnlyRepr(), Both(), [OnlyRepr(), Both()], {"k": Both()}, (Both(),))
print(str(Both()), repr(Both()), f"{Both()} {Both()!r}", "%s %r" % (Both(), Both()))


class BadRepr:
    def __repr__(self):
        return 42


try:
    repr(BadRepr())
except TypeError as error:
    print("TypeError:", error)
