# Checks: type(), __name__, __qualname__, __module__, __mro__ and __bases__ of guest classes.
class Outer:
    class Inner:
        pass


instance = Outer.Inner()
print(type(instance).__name__, type(instance).__qualname__, type(instance).__module__)
print(type(Outer).__name__, type(type).__name__, Outer.__bases__, len(Outer.__mro__))
print(type(1), type("s"), type([]), type(None), type(Outer))
