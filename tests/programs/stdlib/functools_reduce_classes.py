# Checks: functools.reduce over guest objects with operator overloading, and functools.partial of methods.
import functools
import operator


class Matrix2:
    def __init__(self, a, b, c, d):
        self.values = (a, b, c, d)

    def __matmul__(self, other):
        a, b, c, d = self.values
        e, f, g, h = other.values
        return Matrix2(a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h)

    def __repr__(self):
        return f"Matrix2{self.values}"


step = Matrix2(1, 1, 1, 0)
print(functools.reduce(operator.matmul, [step] * 10))
join_with_dash = functools.partial(str.join, "-")
print(join_with_dash(["a", "b", "c"]), functools.reduce(lambda acc, s: acc + s.upper(), "xyz", ">"))
