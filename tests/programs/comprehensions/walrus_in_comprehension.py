# Checks: assignment expressions inside comprehensions bind in the enclosing scope.
values = [1, 5, 2, 8, 3]
running = 0
totals = [running := running + v for v in values]
print(totals, running)
print([y for x in values if (y := x * 2) > 5], y)


def find_first_big(items):
    if any((found := item) > 4 for item in items):
        return found
    return None


print(find_first_big(values), find_first_big([1, 2]))
