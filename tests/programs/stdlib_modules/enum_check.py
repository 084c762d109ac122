# Checks: enum: Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique, aliases, functional API, errors.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return f"{self.name.lower()}={self.value}"


print(list(Color), Color(1), Color["GREEN"], Color.CRIMSON is Color.RED, repr(Color.BLUE))
print(Color.RED.describe(), len(Color), list(Color.__members__), Color.BLUE in Color)
try:
    Color(7)
except ValueError as error:
    print("ValueError:", error)


class Permission(enum.Flag):
    READ = enum.auto()
    WRITE = enum.auto()
    EXECUTE = enum.auto()
    ALL = READ | WRITE | EXECUTE


mode = Permission.READ | Permission.WRITE
print(mode, repr(mode), Permission.READ in mode, ~mode, list(mode), Permission.ALL.value, bool(Permission(0)))


class Status(enum.IntEnum):
    OK = 200
    NOT_FOUND = 404


print(Status.OK + 1, Status.NOT_FOUND == 404, sorted([Status.NOT_FOUND, Status.OK]), f"{Status.OK}")


class Mode(enum.StrEnum):
    FAST = enum.auto()
    SLOW = "slow-mode"


print(Mode.FAST, Mode.SLOW.upper(), Mode("fast") is Mode.FAST, format(Mode.SLOW))


class Bits(enum.IntFlag):
    A = 1
    B = 2


print(Bits.A | 4, Bits.A | Bits.B, int(Bits.B))
Animal = enum.Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value)
try:
    @enum.unique
    class Dupes(enum.Enum):
        ONE = 1
        UNO = 1
except ValueError as error:
    print("ValueError:", error)


class Planet(enum.Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 3)


print(Planet.EARTH.gravity, Planet.MERCURY.radius)


class Ordered(enum.Enum):
    _ignore_ = ["index"]
    FIRST = "f"

    @classmethod
    def _missing_(cls, value):
        return cls.FIRST


print(Ordered("zzz"), enum.Enum.__name__, isinstance(Color.RED, Color), type(Color).__name__)
try:
    Color.RED = 5
except AttributeError as error:
    print("AttributeError:", error)
