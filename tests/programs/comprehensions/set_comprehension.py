# Checks: set comprehensions (printed sorted for determinism).
print(sorted({x % 5 for x in range(100)}))
print(sorted({word.lower() for word in "The the THE quick Quick".split()}))
print(sorted({(a, b) for a in range(3) for b in range(3) if a + b == 2}))
print(len({frozenset({x, y}) for x in range(3) for y in range(3)}))
