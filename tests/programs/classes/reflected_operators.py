# Checks: operator dispatch order: subclass reflected methods first, NotImplemented fallbacks.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"{type(self).__name__}({self.cents})"

    def __add__(self, other):
        print("Money.__add__")
        if isinstance(other, int):
            return Money(self.cents + other)
        if type(other) is Money:
            return Money(self.cents + other.cents)
        return NotImplemented

    def __radd__(self, other):
        print("Money.__radd__")
        return self.__add__(other)


class Euro(Money):
    def __radd__(self, other):
        print("Euro.__radd__")
        return Euro(other.cents + self.cents)


print(Money(5) + 3)
print(3 + Money(5))
print(Money(1) + Euro(2))
print(sum([Money(1), Money(2)], 0))
try:
    Money(1) + "x"
except TypeError as error:
    print("TypeError:", error)
