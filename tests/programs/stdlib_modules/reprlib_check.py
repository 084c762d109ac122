# Checks: reprlib: Repr limits for containers and strings, recursive_repr, custom repr_ methods.
import reprlib

print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr({i: i for i in range(20)}))
print(reprlib.repr(set(range(20))), reprlib.repr(tuple(range(10))), reprlib.repr([[[[1]]]]), reprlib.repr(10 ** 100))
limits = reprlib.Repr()
limits.maxlist = 3
limits.maxstring = 10
limits.maxlevel = 2
print(limits.repr([1, 2, 3, 4, 5]), limits.repr("abcdefghijklmnop"), limits.repr([[1, [2, [3]]]]))


class Custom(reprlib.Repr):
    def repr_Point(self, point, level):
        return f"P<{point.x}>"


class Point:
    def __init__(self, x):
        self.x = x


print(Custom().repr([Point(1), Point(2)]))


class Tree:
    def __init__(self):
        self.children = [self]

    @reprlib.recursive_repr(fillvalue="<loop>")
    def __repr__(self):
        return f"Tree({self.children})"


print(repr(Tree()), reprlib.repr(frozenset({1})), reprlib.repr(b"b" * 50))
