# Checks: abc.ABC with abstractmethod prevents instantiation; register and isinstance.
import abc


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...

    @property
    @abc.abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name} with area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    @property
    def name(self):
        return "square"


try:
    Shape()
except TypeError as error:
    print("TypeError:", error)


class Incomplete(Shape):
    def area(self):
        return 0


try:
    Incomplete()
except TypeError as error:
    print("TypeError:", error)
print(Square(3).describe(), sorted(Shape.__abstractmethods__))


class Duck:
    pass


Shape.register(Duck)
print(isinstance(Duck(), Shape), issubclass(Duck, Shape))
