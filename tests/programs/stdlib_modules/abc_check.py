# Checks: abc: ABCMeta, abstractmethod, register, virtual subclasses, instantiation errors.
import abc


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        """Surface of the shape."""

    @property
    @abc.abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name}: {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    @property
    def name(self):
        return "square"


class Half(Shape):
    def area(self):
        return 0


try:
    Shape()
except TypeError as error:
    print("TypeError:", error)
try:
    Half()
except TypeError as error:
    print("TypeError:", error)
print(Square(3).describe())
print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__))


class Sized(metaclass=abc.ABCMeta):
    @classmethod
    def __subclasshook__(cls, other):
        if cls is Sized:
            return any("__len__" in base.__dict__ for base in other.__mro__)
        return NotImplemented


class Plain:
    pass


Sized.register(Plain)
print(issubclass(list, Sized), issubclass(int, Sized), issubclass(Plain, Sized))
print(isinstance(Plain(), Sized), isinstance(3, Sized))
print(abc.get_cache_token() is not None)


class Counter(abc.ABC):
    @abc.abstractmethod
    def count(self):
        ...


class Late(Counter):
    pass


Late.count = lambda self: 7
abc.update_abstractmethods(Late)
print(Late().count(), Late.__abstractmethods__)
