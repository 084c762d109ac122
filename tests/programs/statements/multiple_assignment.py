# Checks: chained assignment, tuple swaps, evaluation order of targets, assignment to attributes and items.
a = b = c = []
a.append(1)
print(a, b, c, a is c)
x, y = 1, 2
x, y = y, x
print(x, y)
items = [0, 0, 0]
i = 0
i, items[i] = 1, 5
print(i, items)


class Point:
    pass


point = Point()
point.x, point.y = 3, 4
print(point.x, point.y)
grid = {}
grid["a"], grid["b"] = grid.get("a", 10), 20
print(grid)
order = []


def target(name):
    order.append(name)
    return {}


target("first")["k"] = target("second")["k2"] = (order.append("value") or 1)
print(order)
