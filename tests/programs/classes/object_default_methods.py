# Checks: object's default __eq__, __ne__, __str__, __format__, __init_subclass__ and __dir__ behaviour.
class Plain:
    pass


first, second = Plain(), Plain()
print(first == first, first == second, first != second, format(5, ""), str(Plain.__name__))
try:
    format(first, "d")
except TypeError as error:
    print("TypeError:", error)
print("__eq__" in dir(first), object.__init_subclass__ is not None)
try:
    Plain(1)
except TypeError as error:
    print("TypeError:", error)
