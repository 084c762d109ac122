# Checks: deeply nested comprehensions and closures that capture comprehension variables.
grid = [[(r, c) for c in range(3)] for r in range(2)]
print(grid)
flat = [cell for row in grid for cell in row if sum(cell) % 2 == 0]
print(flat)
functions = [lambda: i for i in range(3)]
print([f() for f in functions])
functions = [(lambda i=i: i) for i in range(3)]
print([f() for f in functions])
table = {row: {col: row * col for col in range(1, 4)} for row in range(1, 4)}
print(table)
print([[n for n in range(k)] for k in range(4)])
print(sum(sum(x for x in range(row)) for row in range(5)))
