# Checks: functools: partial, reduce, lru_cache, cache, cached_property, wraps, total_ordering, singledispatch, cmp_to_key.
import functools


def power(base, exponent):
    return base ** exponent


square = functools.partial(power, exponent=2)
print(square(7), square.func is power, square.args, square.keywords, repr(square).startswith("functools.partial("))
print(functools.reduce(lambda total, value: total * value, range(1, 6)), functools.reduce(max, [3, 9, 2], 0))


@functools.lru_cache(maxsize=32)
def fibonacci(n):
    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)


print(fibonacci(60), fibonacci.cache_info())
fibonacci.cache_clear()
print(fibonacci.cache_info())


@functools.cache
def factorial(n):
    return n * factorial(n - 1) if n else 1


print(factorial(20), factorial.cache_info().misses)


class Data:
    def __init__(self, values):
        self.values = values

    @functools.cached_property
    def total(self):
        print("computing total")
        return sum(self.values)


data = Data([1, 2, 3])
print(data.total, data.total, "total" in vars(data))


def logged(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        """Wrapper doc."""
        print("calling", function.__name__)
        return function(*args, **kwargs)
    return wrapper


@logged
def greet(name):
    """Say hello."""
    return f"hello {name}"


print(greet("pvm"), greet.__name__, greet.__doc__, greet.__wrapped__.__name__, greet.__qualname__)


@functools.total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


print(Version(1, 2) >= Version(1, 1), Version(2) > Version(1, 9), sorted([Version(2), Version(1, 5), Version(1)]))


@functools.singledispatch
def describe(value):
    return f"object {value!r}"


@describe.register
def _(value: int):
    return f"int {value}"


@describe.register(list)
def _(value):
    return f"list of {len(value)}"


print(describe(3), describe([1, 2]), describe("s"), describe(True), sorted(t.__name__ for t in describe.registry))


class Formatter:
    @functools.singledispatchmethod
    def format(self, value):
        return "?"

    @format.register
    def _(self, value: float):
        return f"{value:.2f}"


print(Formatter().format(3.14159), Formatter().format(None))
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda x, y: (x.lower() > y.lower()) - (x.lower() < y.lower()))))


class Cell:
    def __init__(self):
        self._alive = False

    def set_state(self, state):
        self._alive = state

    set_alive = functools.partialmethod(set_state, True)


cell = Cell()
cell.set_alive()
print(cell._alive, functools.WRAPPER_ASSIGNMENTS)
