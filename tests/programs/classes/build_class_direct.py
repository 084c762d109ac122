# Checks: classes built with type() and types.new_class behave like class statements.
import types


def method(self):
    return f"{type(self).__name__}.method"


Dynamic = type("Dynamic", (object,), {"method": method, "value": 5})
print(Dynamic().method(), Dynamic.value, Dynamic.__name__)


class Meta(type):
    def __new__(metaclass, name, bases, namespace, **keywords):
        namespace["made_by"] = "Meta"
        return super().__new__(metaclass, name, bases, namespace)


def body(namespace):
    namespace["x"] = 10


Made = types.new_class("Made", (), {"metaclass": Meta}, body)
print(Made.x, Made.made_by, type(Made).__name__)
print(types.SimpleNamespace(a=1, b=2))
