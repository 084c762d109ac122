# Checks: type(name, bases, dict) with methods calling super(Class, self), and classmethod() / staticmethod() as functions.
class Base:
    def hello(self):
        return "base hello"


def hello(self):
    return "derived + " + super(Derived, self).hello()


Derived = type("Derived", (Base,), {"hello": hello, "make": classmethod(lambda cls: cls()), "twice": staticmethod(lambda x: x * 2)})
print(Derived().hello(), type(Derived.make()).__name__, Derived.twice(21))
