# Checks: a single generator expression as the sole argument; generator passed to builtins and guest functions.
def consume(iterable):
    return [item for item in iterable]


print(consume(x * 2 for x in range(3)), sum(x for x in range(4)), "".join(c.upper() for c in "ab"))
print(sorted((x % 3 for x in range(7)), reverse=True), dict((k, len(k)) for k in ["a", "bb"]))
