# Checks: eval/exec with a restricted __builtins__ and custom globals mappings.
namespace = {"__builtins__": {"len": len}}
print(eval("len('four')", namespace))
try:
    eval("print('no print')", namespace)
except NameError as error:
    print("NameError:", error)
exec("result = [len(x) for x in ('a', 'bb')]", namespace)
print(namespace["result"])
