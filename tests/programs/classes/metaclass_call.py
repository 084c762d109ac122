# Checks: a metaclass __call__ controls instance creation (a singleton), and metaclass methods/attributes.
class Singleton(type):
    def __call__(cls, *args, **kwargs):
        if "instance" not in cls.__dict__:
            cls.instance = super().__call__(*args, **kwargs)
        return cls.instance

    def describe(cls):
        return f"class {cls.__name__}"


class Config(metaclass=Singleton):
    def __init__(self, value):
        print("init with", value)
        self.value = value


first = Config(1)
second = Config(2)
print(first is second, second.value, Config.describe())
try:
    first.describe()
except AttributeError as error:
    print("AttributeError:", error)
