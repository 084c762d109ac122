# Checks: namedtuple and typing.NamedTuple subclasses with methods and properties.
import collections
import typing


class Vector(collections.namedtuple("Vector", "x y")):
    __slots__ = ()

    @property
    def length(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)


class Employee(typing.NamedTuple):
    name: str
    salary: int = 1000

    def raise_by(self, amount):
        return self._replace(salary=self.salary + amount)


v = Vector(3, 4)
print(v, v.length, v + Vector(1, 1), tuple(v), isinstance(v, tuple))
e = Employee("ada")
print(e, e.raise_by(500), Employee._field_defaults, e == ("ada", 1000))
x, y = v
print(x, y)
