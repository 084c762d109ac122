# Checks: metaclass methods give classes behaviour: __getattr__, __iter__, __len__ and __getitem__ on the class itself.
class Catalog(type):
    def __getattr__(cls, name):
        return f"{cls.__name__} has no {name}, computed instead"

    def __iter__(cls):
        return iter(sorted(key for key in vars(cls) if not key.startswith("_")))

    def __len__(cls):
        return sum(1 for _ in cls)

    def __getitem__(cls, key):
        return getattr(cls, key)


class Fruits(metaclass=Catalog):
    apple = 1
    banana = 2


print(list(Fruits), len(Fruits), Fruits["apple"], Fruits.cherry)
