# Checks: builtins.__build_class__ called directly and hooked to observe class statements.
import builtins


def body():
    attribute = "from body"

    def method(self):
        return "method result"
    return locals()


Made = builtins.__build_class__(lambda: None, "Made")
print(Made.__name__, Made.__qualname__)
original = builtins.__build_class__
seen = []


def tracing_build_class(function, name, *bases, **keywords):
    seen.append((name, len(bases), sorted(keywords)))
    return original(function, name, *bases, **keywords)


builtins.__build_class__ = tracing_build_class


class Traced:
    pass


class Derived(Traced, metaclass=type):
    value = 1


builtins.__build_class__ = original
print(seen, Derived.value)
