# Checks: list comprehensions with conditions, nested loops and expressions.
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x, 3)])
print([x if x % 2 else -x for x in range(6)])
print([[row * col for col in range(4)] for row in range(3)])
print([char.upper() for word in ["ab", "cd"] for char in word])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([value for row in matrix for value in row if value != 3])
