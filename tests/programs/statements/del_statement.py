# Checks: del on names, list items, slices, dict keys, attributes and tuples of targets.
a = 1
b = [0, 1, 2, 3, 4, 5]
c = {"x": 1, "y": 2}


class Box:
    pass


box = Box()
box.attribute = "set"
del a
try:
    a
except NameError as error:
    print("NameError:", error)
del b[0], b[-1]
print(b)
del b[1:3]
print(b)
del c["x"]
print(c)
del box.attribute
print(hasattr(box, "attribute"))
x, y = 1, 2
del (x, y)
print("x" in dir(), "y" in dir())
for attempt in (lambda: c.__delitem__("zz"),):
    try:
        attempt()
    except KeyError as error:
        print("KeyError:", error)
try:
    del undefined_name_here
except NameError as error:
    print("NameError:", error)
