# Checks: __getattr__ is a fallback; __getattribute__ intercepts everything; __setattr__ and __delattr__.
class Lazy:
    def __init__(self):
        self.real = "real attribute"

    def __getattr__(self, name):
        if name.startswith("computed_"):
            return name.upper()
        raise AttributeError(f"no attribute {name!r}")


lazy = Lazy()
print(lazy.real, lazy.computed_value, getattr(lazy, "missing", "default"), hasattr(lazy, "x"))


class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(("get", name))
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        self.log.append(("set", name))
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)


item = Logged()
item.a = 1
item.a
del item.a
try:
    item.a
except AttributeError as error:
    print("AttributeError:", error)
print(item.log)
