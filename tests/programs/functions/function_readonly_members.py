# Checks: a function's __globals__, __closure__ and __builtins__ are read-only, its __dict__ takes only a dict and is never deleted, and a function's builtins come from its globals (or the frame that makes it, where they have none), as in CPython; found by test_funcattrs.
import types


def outer():
    a = 12

    def inner():
        return a
    return inner


f = outer()
for name, value in [("__globals__", 2), ("__builtins__", {}), ("__closure__", f.__closure__),
                    ("__dict__", None), ("__dict__", [1]), ("__dict__", types.SimpleNamespace())]:
    try:
        setattr(f, name, value)
        print("set", name)
    except (AttributeError, TypeError) as error:
        print("set", name, type(error).__name__, error)
    try:
        delattr(f, name)
        print("del", name)
    except (AttributeError, TypeError) as error:
        print("del", name, type(error).__name__, error)
print(f(), f.__globals__ is globals(), f.__closure__[0].cell_contents)


class Attributes(dict):
    pass


f.__dict__ = Attributes(x=1)
f.y = 2
print(type(f.__dict__).__name__, sorted(vars(f)), f.x, f.y)

# Builtins: from the globals' __builtins__ (a dict or a module), else the maker's frame.
safe_builtins = {"None": None, "len": lambda value: -1}
namespace = {"make": types.FunctionType, "__builtins__": safe_builtins}
exec("def uses_len(s): return len(s)\n"
     "copy = make(uses_len.__code__, {})\n"
     "def nested():\n"
     "    def inner(s): return len(s)\n"
     "    return inner\n", namespace)
print(namespace["uses_len"].__builtins__ is safe_builtins, namespace["uses_len"]("abc"))
print(namespace["copy"].__builtins__ is safe_builtins, "__builtins__" in namespace["copy"].__globals__,
      namespace["copy"]("abc"))
print(namespace["nested"]().__builtins__ is safe_builtins, namespace["nested"]()("abc"))
plain = types.FunctionType(f.__code__, {}, "plain", None, f.__closure__)
print(plain(), plain.__name__, plain.__builtins__ is f.__builtins__)
module_builtins = types.FunctionType(f.__code__, {"__builtins__": types}, None, None, f.__closure__)
print(module_builtins.__builtins__ is vars(types))
