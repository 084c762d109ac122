# Checks: a metaclass's __new__ and __init__ run for class statements and subclasses.
class Registry(type):
    classes = []

    def __new__(metaclass, name, bases, namespace, **keywords):
        namespace["registered_name"] = name.lower()
        cls = super().__new__(metaclass, name, bases, namespace)
        Registry.classes.append(name)
        return cls

    def __init__(cls, name, bases, namespace, **keywords):
        super().__init__(name, bases, namespace)
        cls.keywords = keywords


class Base(metaclass=Registry):
    pass


class Child(Base, flavour="sweet"):
    pass


print(Registry.classes, Base.registered_name, Child.registered_name, Child.keywords)
print(type(Child).__name__, isinstance(Child, Registry), Child.__mro__[1].__name__)
