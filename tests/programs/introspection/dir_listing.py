# Checks: dir() of modules, classes, instances and with no arguments inside a function.
import math


class Base:
    base_attribute = 1

    def base_method(self):
        pass


class Child(Base):
    child_attribute = 2

    def __dir__(self):
        return ["custom", "listing"]


def scope(a, b):
    c = 3
    return dir()


print(scope(1, 2))
print([name for name in dir(Base) if not name.startswith("__")])
print([name for name in dir(Child) if not name.startswith("__")])
print(dir(Child()), "sqrt" in dir(math))
print([name for name in dir() if not name.startswith("__")])
