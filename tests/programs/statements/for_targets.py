# Checks: for loops with various assignment targets: attributes, subscripts, nested tuples.
class Holder:
    pass


holder = Holder()
for holder.value in range(3):
    pass
print(holder.value)
items = [0, 0, 0]
for index, items[index] in enumerate("abc"):
    pass
print(items)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a, b, c)
table = {}
for key, table[key] in [("x", 1), ("y", 2)]:
    pass
print(table)
