# Checks: property inheritance, overriding a property in a subclass and calling the parent's via super().
class Base:
    def __init__(self):
        self._name = "base"

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = value.strip()


class Shouting(Base):
    @Base.name.getter
    def name(self):
        return super().name.upper()


item = Shouting()
item.name = "  quiet  "
print(item.name, Base.name.fget(item))
