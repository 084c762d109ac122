# Checks: enum with methods, unique decorator, StrEnum, aliases, _missing_ and iteration over members.
import enum


class Status(enum.Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    ENABLED = "active"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower():
                    return member
        return None


print(Status("ACTIVE"), Status.ENABLED is Status.ACTIVE, list(Status), Status.__members__.keys())
try:
    @enum.unique
    class Duplicate(enum.Enum):
        A = 1
        B = 1
except ValueError as error:
    print("ValueError:", error)


class Direction(enum.StrEnum):
    NORTH = enum.auto()
    SOUTH = enum.auto()


print(Direction.NORTH, Direction.NORTH == "north", Direction.SOUTH.upper(), f"{Direction.SOUTH}")


class Shape(enum.IntFlag):
    CIRCLE = 1
    SQUARE = 2


print(Shape.CIRCLE | Shape.SQUARE, int(Shape.CIRCLE | Shape.SQUARE), Shape(3))
