# Checks: exec with the default namespaces, explicit globals, and separate locals.
exec("created_by_exec = 6 * 7")
print(created_by_exec)
namespace = {}
exec("x = 1\ndef f(y):\n    return x + y\nresult = f(10)", namespace)
print(namespace["result"], sorted(k for k in namespace if k != "__builtins__"), "__builtins__" in namespace)
global_space = {"base": 100}
local_space = {}
exec("value = base + 1", global_space, local_space)
print(local_space, "value" in global_space)
exec("import math as m; root = m.sqrt(16)", namespace)
print(namespace["root"])
try:
    exec("1 / 0")
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)
