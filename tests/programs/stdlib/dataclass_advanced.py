# Checks: dataclasses: inheritance, kw_only, slots, InitVar, ClassVar, __post_init__ validation, field metadata.
import dataclasses
import typing


@dataclasses.dataclass
class Base:
    identifier: int
    label: str = "base"


@dataclasses.dataclass(kw_only=True)
class Derived(Base):
    extra: float
    counter: typing.ClassVar[int] = 0


@dataclasses.dataclass(slots=True)
class Compact:
    a: int
    b: int = 2


@dataclasses.dataclass
class Account:
    owner: str
    opening: dataclasses.InitVar[int]
    balance: int = dataclasses.field(default=0, metadata={"unit": "cents"})

    def __post_init__(self, opening):
        if opening < 0:
            raise ValueError("opening balance must be positive")
        self.balance = opening


print(Derived(1, extra=2.5), Derived(identifier=3, label="x", extra=0.0))
print(Compact(1), hasattr(Compact(1), "__dict__"), Compact.__slots__)
print(Account("ada", 100), dataclasses.fields(Account)[1].metadata["unit"])
try:
    Account("bob", -5)
except ValueError as error:
    print("ValueError:", error)
try:
    Derived(1, 2.0)
except TypeError as error:
    print("TypeError:", error)
print(dataclasses.is_dataclass(Derived), Derived.counter, [f.name for f in dataclasses.fields(Derived)])
