# Checks: arithmetic, reflected, in-place, comparison and unary operator methods.
import functools


@functools.total_ordering
class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, scalar):
        return Vector(self.x * scalar, self.y * scalar)

    __rmul__ = __mul__

    def __truediv__(self, scalar):
        return Vector(self.x / scalar, self.y / scalar)

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __lt__(self, other):
        return abs(self) < abs(other)

    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self

    def __matmul__(self, other):
        return self.x * other.x + self.y * other.y

    def __bool__(self):
        return bool(self.x or self.y)

    __hash__ = None


a = Vector(3, 4)
b = Vector(1, 2)
print(a + b, a - b, a * 2, 3 * a, a / 2, -a, +a, abs(a), a @ b, bool(Vector(0, 0)))
print(a == Vector(3, 4), a != b, a > b, a <= b, sorted([a, b, Vector(0, 1)]))
c = a
c += b
print(c, a, c is a)
try:
    a + 1
except TypeError as error:
    print("TypeError:", error)
try:
    hash(a)
except TypeError as error:
    print("TypeError:", error)
