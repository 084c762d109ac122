# Checks: range objects: iteration, indexing, slicing, membership, len, repr.
r = range(3, 20, 4)
print(r, list(r), len(r), r[1], r[-1], r[1:3], 7 in r, 8 in r, r.index(11), r.count(3))
print(list(range(5, 0, -2)), list(range(0)), range(0) == range(2, 2), range(10)[::-1])
print(sum(range(101)), max(range(7)), list(reversed(range(4))), range(10 ** 20)[-1])
try:
    range(1, 2, 0)
except ValueError as error:
    print("ValueError:", error)
