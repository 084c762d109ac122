# Checks: tuples: packing, comparison, methods, hashing, immutability.
t = 1, 2, 3
single = (1,)
empty = ()
print(t, single, empty, type(single).__name__, len(empty))
print(t + (4,), t * 2, t[1:], t.index(2), (1, 1, 2).count(1))
print((1, 2) < (1, 3), (2,) > (1, 99), (1, [2]) == (1, [2]), hash((1, 2)) == hash((1, 2)))
try:
    t[0] = 5
except TypeError as error:
    print("TypeError:", error)
try:
    hash((1, [2]))
except TypeError as error:
    print("TypeError:", error)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], tuple("ab"), tuple(range(3)), sorted((3, 1, 2)))
