# Checks: method resolution order with diamonds, isinstance/issubclass, and an inconsistent MRO error.
class Base:
    def who(self):
        return "Base"


class Left(Base):
    def who(self):
        return "Left"


class Right(Base):
    def who(self):
        return "Right"


class Diamond(Left, Right):
    pass


print([cls.__name__ for cls in Diamond.__mro__], Diamond().who())
print(isinstance(Diamond(), Right), issubclass(Diamond, Base), issubclass(Base, Diamond))
print(Diamond.__bases__ == (Left, Right), Base.__subclasses__() == [Left, Right])
try:
    class Bad(Base, Left):
        pass
except TypeError as error:
    print("TypeError:", error)
