# Checks: isinstance/issubclass with tuples, abstract base classes, __instancecheck__ and __subclasshook__.
import collections.abc


class Meta(type):
    def __instancecheck__(cls, instance):
        return instance == "magic"


class Magic(metaclass=Meta):
    pass


class HasLen:
    def __len__(self):
        return 0


print(isinstance("magic", Magic), isinstance("other", Magic))
print(isinstance(HasLen(), collections.abc.Sized), isinstance([], collections.abc.Sequence))
print(isinstance({}, collections.abc.Mapping), issubclass(dict, collections.abc.MutableMapping))
print(isinstance(1, (str, int)), isinstance(True, int), issubclass(bool, (int, str)))
print(isinstance(iter([]), collections.abc.Iterator), isinstance((x for x in []), collections.abc.Generator))
