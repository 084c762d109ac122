# Checks: dataclasses: fields, defaults, ordering, frozen, slots, kw_only, post_init, asdict, replace, make_dataclass.
import dataclasses
from dataclasses import dataclass, field


@dataclass(order=True)
class Item:
    priority: int
    name: str = field(compare=False)
    tags: list = field(default_factory=list, repr=False)
    total: float = field(init=False, default=0.0)

    def __post_init__(self):
        self.total = self.priority * 1.5


items = sorted([Item(3, "c"), Item(1, "a", ["x"]), Item(2, "b")])
print(items, items[0].tags, items[0] == Item(1, "zzz"))
print([f.name for f in dataclasses.fields(Item)], dataclasses.asdict(items[1]))
print(dataclasses.astuple(items[2]), dataclasses.replace(items[0], name="A"))


@dataclass(frozen=True, slots=True)
class Point:
    x: int
    y: int = 0


point = Point(1, 2)
try:
    point.x = 5
except dataclasses.FrozenInstanceError as error:
    print("FrozenInstanceError:", error)
print(hash(point) == hash(Point(1, 2)), Point.__slots__, point)


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int = 1


print(Options(level=3))
try:
    Options(True)
except TypeError as error:
    print("TypeError:", error)


@dataclass
class Base:
    a: int
    b: int = 2


@dataclass
class Child(Base):
    c: int = 3
    _: dataclasses.KW_ONLY
    d: int = 4


print(Child(1), Child(1, 5, 6, d=7), dataclasses.is_dataclass(Child), dataclasses.is_dataclass(Child(1)))
Dynamic = dataclasses.make_dataclass("Dynamic", [("x", int), ("y", int, field(default=5))],
                                     namespace={"norm": lambda self: self.x + self.y})
print(Dynamic(1), Dynamic(2).norm())
try:
    @dataclass
    class Broken:
        a: int = 1
        b: int
except TypeError as error:
    print("TypeError:", error)
try:
    @dataclass
    class Mutable:
        items: list = []
except ValueError as error:
    print("ValueError:", error)
print(Item.__match_args__, Point.__dataclass_params__.frozen)
