# Checks: function and variable annotations are evaluated and stored in __annotations__.
def scale(value: float, factor: "int" = 2, *rest: str, flag: bool = False, **extra: dict) -> float:
    return value * factor


print(scale.__annotations__)
print(scale(1.5))
x: int = 5
y: list[int]
print(__annotations__)


class Point:
    x: int
    y: int = 0
    label: "str"


print(Point.__annotations__, Point.y, hasattr(Point, "x"))


def no_annotations(a):
    return a


print(no_annotations.__annotations__)
