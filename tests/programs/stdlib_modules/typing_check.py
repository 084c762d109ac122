# Checks: typing: generics, Protocols, TypedDict, NamedTuple, Literal, overload, get_type_hints, get_origin/args, cast, NewType.
import typing
from typing import Any, Callable, ClassVar, Generic, Literal, Optional, Protocol, TypeVar, Union

T = TypeVar("T")
K = TypeVar("K", bound=str)


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


print(Box[int], Box[int](5).get(), Box.__parameters__, typing.get_origin(Box[int]), typing.get_args(Box[int]))


@typing.runtime_checkable
class Closable(Protocol):
    def close(self) -> None:
        ...


class File:
    def close(self):
        pass


print(isinstance(File(), Closable), isinstance(3, Closable))


class Movie(typing.TypedDict, total=False):
    title: str
    year: int


movie: Movie = {"title": "Blade Runner"}
print(movie, Movie.__required_keys__, sorted(Movie.__optional_keys__), typing.get_type_hints(Movie))


class Employee(typing.NamedTuple):
    name: str
    id: int = 3


print(Employee("ada"), Employee._fields, Employee.__annotations__)


def process(value: Optional[int], mode: Literal["a", "b"] = "a", *, callback: Callable[[int], str] | None = None) -> list[str]:
    return []


hints = typing.get_type_hints(process)
print(hints)
print(typing.get_origin(hints["mode"]), typing.get_args(hints["mode"]), typing.get_args(Union[int, str]))
print(Optional[int] == Union[int, None], Union[int, Union[str, int]], typing.get_origin(Callable[[int], str]))
print(typing.cast(int, "not checked"), typing.List[int], typing.Dict[str, Any], typing.Tuple[int, ...])
UserId = typing.NewType("UserId", int)
print(UserId(5), UserId.__name__, UserId.__supertype__)


@typing.overload
def double(value: int) -> int:
    ...


@typing.overload
def double(value: str) -> str:
    ...


def double(value):
    return value * 2


print(double(2), double("ab"))


class Config:
    defaults: ClassVar[dict] = {}
    name: "str"


print(typing.get_type_hints(Config), typing.TYPE_CHECKING, typing.Annotated[int, "meta"])
print(typing.get_type_hints(typing.Annotated), typing.get_args(typing.Annotated[int, "m", 2]))
P = typing.ParamSpec("P")
print(P, P.args, typing.Concatenate[int, P], typing.Self, typing.LiteralString, typing.Never)
try:
    Box[int, str]
except TypeError as error:
    print("TypeError:", error)
try:
    typing.Union[()]
except TypeError as error:
    print("TypeError:", error)


@typing.final
class Final:
    pass


print(typing.assert_type(3, int), typing.assert_never.__name__, Final.__final__)
print(typing.get_type_hints(process, include_extras=True)["return"], repr(typing.Any), T, K.__bound__)
