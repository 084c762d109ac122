# Checks: __new__ and __init__ order, __new__ returning other types, immutable subclasses.
class Traced:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)

    def __init__(self, *args):
        print("init", args)


Traced(1, 2)


class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())


class Positive(int):
    def __new__(cls, value):
        return super().__new__(cls, abs(value))


print(Upper("shout"), Positive(-5) + 1, isinstance(Upper("x"), str))


class NotMine:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never called")


print(NotMine())
