# Checks: dataclasses: generated __init__/__repr__/__eq__, defaults, field(), order, frozen, post_init.
import dataclasses


@dataclasses.dataclass
class Point:
    x: int
    y: int = 0
    tags: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0


@dataclasses.dataclass
class Rectangle:
    width: float
    height: float
    area: float = dataclasses.field(init=False)

    def __post_init__(self):
        self.area = self.width * self.height


p = Point(1)
p.tags.append("a")
print(p, Point(1, 2) == Point(1, 2), Point(1) == Point(2))
print(sorted([Version(2), Version(1, 5), Version(1)]), Version(1) < Version(1, 1))
try:
    Version(1).major = 2
except dataclasses.FrozenInstanceError as error:
    print("FrozenInstanceError:", error)
print(Rectangle(2, 3), dataclasses.asdict(Point(3, 4)), dataclasses.astuple(Version(4, 2)))
print([field.name for field in dataclasses.fields(Rectangle)], hash(Version(1)) == hash(Version(1)))
print(dataclasses.replace(Point(1, 2), y=5))
