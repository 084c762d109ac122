# Checks: class patterns with positional (__match_args__) and keyword sub-patterns; builtin class patterns.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Circle:
    __match_args__ = ("center", "radius")

    def __init__(self, center, radius):
        self.center = center
        self.radius = radius


def where(shape):
    match shape:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Circle(Point(x, y), radius=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(center, r):
            return f"circle radius {r}"
        case int(n) | float(n):
            return f"number {n}"
        case str() as text:
            return f"text {text!r}"
        case _:
            return "unknown"


for shape in (Point(0, 0), Point(0, 5), Point(3, 0), Circle(Point(1, 2), 20), Circle(Point(0, 0), 1), 7, 2.5, "s", Point(1, 1)):
    print(where(shape))
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as error:
    print("TypeError:", error)
