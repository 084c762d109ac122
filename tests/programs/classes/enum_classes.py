# Checks: enum.Enum, IntEnum, Flag, auto, iteration, lookup by value and name, members as dict keys.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

    def describe(self):
        return f"{self.name.lower()}={self.value}"


class Priority(enum.IntEnum):
    LOW = enum.auto()
    HIGH = enum.auto()


class Permission(enum.Flag):
    READ = enum.auto()
    WRITE = enum.auto()
    EXECUTE = enum.auto()


print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], [c.name for c in Color])
print(Color.RED.describe(), Color.RED is Color(1), {Color.RED: "stop"}[Color.RED])
print(Priority.HIGH > Priority.LOW, Priority.LOW + 1, int(Priority.HIGH), list(Priority))
rw = Permission.READ | Permission.WRITE
print(rw, Permission.READ in rw, Permission.EXECUTE in rw, bool(rw & Permission.EXECUTE))
try:
    Color(7)
except ValueError as error:
    print("ValueError:", error)


class Planet(enum.Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


print(Planet.EARTH.mass, Planet.MERCURY.radius, len(Planet))
