# Checks: classmethod and staticmethod called on classes, instances and subclasses.
class Shape:
    count = 0

    def __init__(self, sides):
        self.sides = sides
        Shape.count += 1

    @classmethod
    def triangle(cls):
        return cls(3)

    @staticmethod
    def describe(sides):
        return f"{sides} sides"

    @classmethod
    def how_many(cls):
        return cls.count


class Square(Shape):
    @classmethod
    def triangle(cls):
        return "squares are not triangles"


print(Shape.triangle().sides, Shape.describe(4), Shape(5).describe(6), Shape.how_many())
print(Square.triangle(), Square.how_many(), Square(4).triangle())
print(type(Shape.__dict__["triangle"]).__name__, type(Shape.__dict__["describe"]).__name__)
print(Shape.__dict__["describe"].__func__(9))
