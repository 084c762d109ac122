# Checks: globals(), locals() and vars() from module level, functions and classes.
module_value = 1
print("module_value" in globals(), globals() is vars(), locals() is globals())


def function(argument):
    local_value = 2
    names = locals()
    return sorted(names), names["argument"]


print(function("arg"))


class Example:
    class_value = 3
    print(sorted(k for k in locals() if not k.startswith("__")))


item = Example()
item.attribute = 4
print(vars(item), "class_value" in vars(Example))
globals()["made_by_globals"] = "dynamic"
print(made_by_globals)
try:
    vars(5)
except TypeError as error:
    print("TypeError:", error)
