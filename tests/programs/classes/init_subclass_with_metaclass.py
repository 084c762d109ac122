# Checks: __init_subclass__ and __set_name__ ordering relative to the metaclass __init__.
class Descriptor:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)


class Meta(type):
    def __init__(cls, name, bases, namespace):
        print("meta init", name)
        super().__init__(name, bases, namespace)


class Base(metaclass=Meta):
    def __init_subclass__(cls, **kwargs):
        print("init_subclass", cls.__name__)
        super().__init_subclass__(**kwargs)


class Child(Base):
    field = Descriptor()
