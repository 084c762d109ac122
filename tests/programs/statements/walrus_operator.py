# Checks: assignment expressions in if, while, comprehensions, calls and their scope rules.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list of", n)
stream = iter(data)
while (item := next(stream, None)) is not None:
    if item > 5:
        print("big", item)
print((y := 5) + y, y)
print([square for x in data if (square := x * x) > 10], square)


def uses_walrus():
    if any((hit := v) > 8 for v in data):
        return hit


print(uses_walrus())
print(f"{(z := 10) * 2} {z}")
