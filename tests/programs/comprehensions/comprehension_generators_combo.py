# Checks: comprehensions consuming generators and generator expressions consuming comprehensions.
def evens(limit):
    for n in range(limit):
        if n % 2 == 0:
            yield n


print([n * n for n in evens(10)], sum(x for x in [n + 1 for n in evens(6)]))
print({n: list(evens(n)) for n in range(0, 7, 3)})
print(list(zip(evens(6), (c for c in "abc"))))
