# Checks: slicing with every combination of start/stop/step, slice objects, slice assignment.
items = list(range(10))
for start in (None, 0, 3, -3, 20):
    for stop in (None, 5, -1, -20):
        for step in (None, 1, 2, -1, -3):
            print(start, stop, step, items[start:stop:step])
print(items[slice(2, 8, 3)], slice(1, 2).indices(10), slice(None, None, -1).indices(5))
items[2:5] = ["a", "b"]
print(items)
items[::3] = [0] * len(items[::3])
print(items)
del items[1::2]
print(items)
try:
    items[::2] = [1]
except ValueError as error:
    print("ValueError:", error)
try:
    items[::0]
except ValueError as error:
    print("ValueError:", error)
print("abcdef"[1:-1], (1, 2, 3, 4)[::-2], range(10)[2:8:2])
