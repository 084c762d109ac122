# Checks: set and frozenset operations (printed in sorted order).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= b, {3} < b, a.isdisjoint({9}), a.issuperset({1, 2}))
a.add(10)
a.discard(1)
a.remove(2)
print(sorted(a), 10 in a, 2 in a)
try:
    a.remove(42)
except KeyError as error:
    print("KeyError:", error)
frozen = frozenset([1, 2, 2, 3])
print(sorted(frozen), len(frozen), hash(frozen) == hash(frozenset([3, 2, 1])))
print({frozen: "key"}[frozenset({1, 2, 3})])
c = set(range(10))
c -= {0, 1}
c &= set(range(5))
c |= {100}
c ^= {2, 200}
print(sorted(c), set() == frozenset(), {1, 2} == {2, 1})
print(sorted({x % 3 for x in range(10)}), len(set("mississippi")))
try:
    {[1]}
except TypeError as error:
    print("TypeError:", error)
