# Checks: unpacking targets in comprehensions, starred expressions and enumerate/zip in comprehensions.
pairs = [(1, "a"), (2, "b"), (3, "c")]
print([letter * number for number, letter in pairs])
print([(first, rest) for first, *rest in ["abc", "de", "f"]])
print({name: index for index, name in enumerate("xyz", 1)})
print([a + b for a, b in zip([1, 2], [10, 20])])
print([*range(3), *[x * 2 for x in range(2)]])
print([(a, b, c) for (a, b), c in zip(pairs, "XYZ")])
