"""A short tour of Python 3.11's syntax, used to check pvm on every host."""

import asyncio
from dataclasses import dataclass, field


@dataclass
class Point:
    x: float
    y: float = 0.0
    tags: list[str] = field(default_factory=list)

    def __add__(self, other: "Point") -> "Point":
        return Point(self.x + other.x, self.y + other.y)


def describe(value, /, *, verbose=False, **options):
    match value:
        case Point(x=0, y=0):
            return "origin"
        case Point(x=x, y=y) if x == y:
            return f"diagonal at {x!r:>6}"
        case [first, *rest]:
            return f"list starting with {first}, {len(rest)} more"
        case {"name": str(name), **others}:
            return f"{name=} and {others}"
        case _:
            return "something else" if not verbose else repr(value)


async def ticker(count):
    for index in range(count):
        await asyncio.sleep(0)
        yield index


async def collect():
    return [tick async for tick in ticker(3)]


def squares(limit):
    total = 0
    while (total := total + 1) < limit:
        yield total ** 2
    else:
        return


try:
    result = [describe(item) for item in (Point(0, 0), Point(1, 1), [1, 2, 3], {"name": "é"})]
except* ValueError as group:
    raise RuntimeError("unexpected") from group
finally:
    print(*result, sep="\n")

print(asyncio.run(collect()), list(squares(5)), lambda *a, **k: (a, k))
