# Checks: hashes of ints, tuples, frozensets equal across equal values; unhashable types raise.
print(hash(1) == hash(1.0), hash((1, 2)) == hash((1, 2)), hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
for value in ([], {}, set(), bytearray()):
    try:
        hash(value)
    except TypeError as error:
        print("TypeError:", error)
print(hash(None) == hash(None), isinstance(hash("text"), int), hash(-1) == -2)
