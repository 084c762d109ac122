# Checks: which objects a sequence or mapping pattern accepts (the type's flags: subclasses, ABC registration, late registration) and the calls a sequence pattern makes: a *_ wildcard does not iterate the subject, items after the star are read at non-negative indexes, and duplicate keys computed at run time are a ValueError.
import collections.abc


class Indexable(collections.abc.Sequence):
    def __init__(self, size):
        self.size = size

    def __getitem__(self, index):
        print("  getitem", index)
        if not 0 <= index < self.size:
            raise IndexError(index)
        return index * 10

    def __len__(self):
        print("  len")
        return self.size


def first_and_last(subject):
    match subject:
        case [a, *_, b]:
            return a, b


def anything(subject):
    match subject:
        case [*_]:
            return "any"


def two_items(subject):
    match subject:
        case [_, _]:
            return "two"


def head_and_rest(subject):
    match subject:
        case [a, *rest]:
            return a, rest


for function in (first_and_last, anything, two_items, head_and_rest):
    print(function.__name__)
    print("  ->", function(Indexable(4)))

huge = range(1 << 40)
match huge:
    case [first, second, *_, last]:
        print(first, second, last)


def kind(subject):
    match subject:
        case [*_]:
            return "sequence"
        case {}:
            return "mapping"
        case _:
            return "other"


class Base:
    pass


class Derived(Base):
    pass


class Both(collections.abc.Mapping, collections.abc.Sequence):
    def __getitem__(self, key):
        raise KeyError(key)

    def __len__(self):
        return 0

    def __iter__(self):
        return iter(())


print(kind(Base()), kind(Derived()))
collections.abc.Sequence.register(Base)
print(kind(Base()), kind(Derived()))
print(kind(Both()), kind(memoryview(b"ab")), kind(range(3)), kind("text"), kind(b"b"),
      kind(bytearray(b"c")), kind(collections.deque()), kind(collections.OrderedDict()),
      kind(type.__dict__))


class Keys:
    KEY = "a"


try:
    match {"a": 0, "b": 1}:
        case {Keys.KEY: y, "a": z}:
            print("matched", y, z)
except ValueError as error:
    print("ValueError:", error)


class Lookups(dict):
    def get(self, key, default=None):
        print("  get", key)
        return super().get(key, default)


match Lookups(a=1, b=2):
    case {"a": 1, "c": _}:
        print("no")
    case {"b": b, **rest}:
        print("b", b, rest)
