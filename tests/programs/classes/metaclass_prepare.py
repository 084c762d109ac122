# Checks: __prepare__ returns the namespace the class body executes in.
class RecordingDict(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        self.order.append(key)
        super().__setitem__(key, value)


class Ordered(type):
    @classmethod
    def __prepare__(metaclass, name, bases, **keywords):
        print("prepare", name, keywords)
        return RecordingDict()

    def __new__(metaclass, name, bases, namespace, **keywords):
        cls = super().__new__(metaclass, name, bases, dict(namespace))
        cls.definition_order = [key for key in namespace.order if not key.startswith("__")]
        return cls


class Fields(metaclass=Ordered, option=1):
    zebra = 1
    apple = 2

    def method(self):
        pass
    zebra = 3


print(Fields.definition_order, Fields.zebra)
