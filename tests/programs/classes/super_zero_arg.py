# Checks: zero-argument super() in methods, classmethods, multiple inheritance (MRO) and __init__.
class A:
    def greet(self):
        return ["A"]

    @classmethod
    def create(cls):
        return f"A.create for {cls.__name__}"


class B(A):
    def greet(self):
        return ["B"] + super().greet()


class C(A):
    def greet(self):
        return ["C"] + super().greet()

    @classmethod
    def create(cls):
        return "C -> " + super().create()


class D(B, C):
    def greet(self):
        return ["D"] + super().greet()


print(D().greet(), [k.__name__ for k in D.__mro__], D.create())


class Base:
    def __init__(self, value):
        self.value = value


class Derived(Base):
    def __init__(self, value, extra):
        super().__init__(value)
        self.extra = extra


item = Derived(1, 2)
print(item.value, item.extra)
print(super(B, D()).greet())
