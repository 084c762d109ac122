# Checks: dataclass eq/unsafe_hash/frozen combinations and use in sets and dict keys.
import dataclasses


@dataclasses.dataclass(frozen=True)
class Coordinate:
    lat: float
    lon: float


@dataclasses.dataclass(unsafe_hash=True)
class Tag:
    name: str


@dataclasses.dataclass
class Mutable:
    value: int


places = {Coordinate(51.5, -0.1): "London", Coordinate(48.9, 2.4): "Paris"}
print(places[Coordinate(51.5, -0.1)], len({Tag("a"), Tag("a"), Tag("b")}))
print(Mutable.__hash__ is None, Coordinate(1, 2) == Coordinate(1, 2), Coordinate(1, 2) is Coordinate(1, 2))
try:
    {Mutable(1)}
except TypeError as error:
    print("TypeError:", error)
