# Checks: generator expressions: laziness, scoping of the first iterable, nesting, use in calls.
log = []


def source(n):
    log.append("source evaluated")
    return range(n)


gen = (x * 2 for x in source(3))
print(log)
print(list(gen), list(gen))
print(sum(x for x in range(10) if x % 3), max((len(w), w) for w in "a bb ccc".split()))
pairs = ((a, b) for a in range(3) for b in range(a))
print(list(pairs))
nested = (sum(row) for row in ([c for c in range(r)] for r in range(5)))
print(list(nested))
try:
    list(1 / x for x in (1, 0))
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)
try:
    (x for x in 5)
except TypeError as error:
    print("TypeError:", error)
