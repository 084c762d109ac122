# Checks: PEP 646's *args: *Ts compiles (the annotation is the one item of *Ts, as in [annotation] = [*Ts]), with CPython's errors when the starred value does not unpack to one item, and as the string '*Ts' under from __future__ import annotations.
from typing import Generic, TypeVarTuple

Ts = TypeVarTuple("Ts")


def func1(*args: *Ts) -> None:
    pass


def func2(first: int, *args: *tuple[int, str], last: str = "") -> None:
    pass


class Array(Generic[*Ts]):
    def method(self, *args: *Ts):
        return args


print(func1.__annotations__)
print(func2.__annotations__)
print(Array[int, str].method.__annotations__ if hasattr(Array[int, str], "method") else None)
print(Array.method.__annotations__)

for source in ["def f(*a: *5): pass", "def f(*a: *[1, 2]): pass", "def f(*a: *[]): pass",
               "def f(*a: *['one']): pass\nprint(f.__annotations__)",
               "from __future__ import annotations\ndef f(*a: *Ts): pass\nprint(f.__annotations__)"]:
    try:
        exec(source, {"Ts": Ts})
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
