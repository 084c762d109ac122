# Checks: typing at runtime: Protocol with runtime_checkable, get_type_hints, TypedDict, Literal, cast, overload.
import typing


@typing.runtime_checkable
class Closable(typing.Protocol):
    def close(self) -> None:
        ...


class Door:
    def close(self):
        return None


class Movie(typing.TypedDict):
    title: str
    year: int


def parse(value: "int | str", flag: typing.Literal["a", "b"] = "a") -> typing.List[int]:
    return [int(value)]


print(isinstance(Door(), Closable), isinstance(5, Closable))
movie: Movie = {"title": "Metropolis", "year": 1927}
print(movie, Movie.__required_keys__ == frozenset({"title", "year"}))
print(typing.get_type_hints(parse))
print(typing.cast(int, "not checked"), typing.get_origin(typing.List[int]), typing.get_args(typing.Dict[str, int]))


@typing.overload
def double(x: int) -> int:
    ...


@typing.overload
def double(x: str) -> str:
    ...


def double(x):
    return x * 2


print(double(2), double("ab"))
