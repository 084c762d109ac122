# Checks: value patterns with dotted names (enum members, class constants, module attributes).
import enum
import math


class Color(enum.Enum):
    RED = "r"
    GREEN = "g"


class Limits:
    MAX = 10


def check(value):
    match value:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Limits.MAX:
            return "the maximum"
        case math.pi:
            return "pi"
        case _:
            return "something else"


print([check(v) for v in (Color.RED, Color("g"), 10, math.pi, 3)])
