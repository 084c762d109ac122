# Checks: an imported module's __builtins__ is the builtins dict, as are its functions' and a namespace exec fills in (PyEval_GetBuiltins), while __main__'s is the module; a function made with globals that have no __builtins__ inherits the caller's; found by test_funcattrs.
import builtins

import helper

print(helper.builtins_kind, helper.__dict__["__builtins__"] is builtins.__dict__)
print(helper.function.__builtins__ is builtins.__dict__)
print(type(__builtins__).__name__, __builtins__ is builtins)

namespace = {}
exec("x = 1", namespace)
print(namespace["__builtins__"] is builtins.__dict__)


def call_exec():
    inner = {}
    exec("y = 2", inner)
    return inner["__builtins__"] is builtins.__dict__


print(call_exec())
bare = {}
made = type(call_exec)(helper.function.__code__, bare)
print(made.__builtins__ is builtins.__dict__, made(), bare)
