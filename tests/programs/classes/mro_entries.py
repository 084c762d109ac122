# Checks: __mro_entries__ lets non-class objects appear in a class statement's bases; __orig_bases__ keeps them.
class Mixin:
    def hello(self):
        return "hello from Mixin"


class BaseFactory:
    def __mro_entries__(self, bases):
        return (Mixin,)


class Derived(BaseFactory()):
    pass


print(Derived().hello(), [cls.__name__ for cls in Derived.__mro__], type(Derived.__orig_bases__[0]).__name__)
