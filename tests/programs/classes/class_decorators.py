# Checks: class decorators: registering, adding methods, replacing the class.
registry = []


def register(cls):
    registry.append(cls.__name__)
    return cls


def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls


def with_tag(tag):
    def decorate(cls):
        cls.tag = tag
        return cls
    return decorate


@register
@add_repr
@with_tag("important")
class Item:
    def __init__(self, name, count):
        self.name = name
        self.count = count


print(registry, Item("pen", 3), Item.tag)
print([Item("a", 1), Item("b", 2)])
