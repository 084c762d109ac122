# Checks: dict comprehensions: key collisions, inversion, conditions, nested values.
words = ["apple", "banana", "avocado", "blueberry", "cherry"]
print({word[0]: word for word in words})
print({word: len(word) for word in words if "e" in word})
original = {"a": 1, "b": 2, "c": 3}
print({value: key for key, value in original.items()})
print({n: [d for d in range(1, n + 1) if n % d == 0] for n in range(1, 8)})
print({(x, y): x * y for x in range(2) for y in range(2)})
