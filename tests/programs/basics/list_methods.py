# Checks: list methods and in-place behaviours.
items = [3, 1, 4, 1, 5, 9, 2, 6]
items.append(5)
items.insert(0, 0)
items.insert(100, 99)
items.insert(-1, 98)
print(items)
print(items.pop(), items.pop(0), items.index(1), items.count(1), items)
items.remove(1)
items.sort()
print(items)
items.sort(reverse=True)
print(items)
items.reverse()
print(items, items.copy() == items, items.copy() is items)
items.extend(range(3))
print(items, len(items))
items.clear()
print(items)
try:
    items.pop()
except IndexError as error:
    print("IndexError:", error)
try:
    [1].remove(2)
except ValueError as error:
    print("ValueError:", error)
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested)
print([1, 2, 3] * 0, [] * 5, list("abc"), list(range(3, 0, -1)))
words = ["banana", "Apple", "cherry"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
