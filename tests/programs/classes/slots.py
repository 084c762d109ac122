# Checks: __slots__ limit attributes, no __dict__, slots with inheritance and defaults via class attrs.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


point = Point(1, 2)
print(point.x, point.y, hasattr(point, "__dict__"))
try:
    point.z = 3
except AttributeError as error:
    print("AttributeError:", error)
del point.x
try:
    point.x
except AttributeError as error:
    print("AttributeError:", error)


class Point3D(Point):
    __slots__ = ("z",)


p3 = Point3D(1, 2)
p3.z = 3
print(p3.x, p3.z, Point3D.__slots__, type(Point.x).__name__)


class Loose(Point):
    pass


loose = Loose(0, 0)
loose.anything = 1
print(loose.__dict__)
