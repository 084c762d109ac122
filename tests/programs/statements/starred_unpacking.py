# Checks: starred assignment targets in every position and nested unpacking.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *middle, z = range(6)
print(a, middle, z)
head, *empty = [1]
print(head, empty)
(p, q), [r, *s] = (1, 2), "xyz"
print(p, q, r, s)
for index, (letter, *others) in enumerate(["ab", "cde"]):
    print(index, letter, others)
try:
    x, y = [1, 2, 3]
except ValueError as error:
    print("ValueError:", error)
try:
    x, y, z = [1, 2]
except ValueError as error:
    print("ValueError:", error)
try:
    x, *y, z = [1]
except ValueError as error:
    print("ValueError:", error)
print([*"ab", *[1, 2]], (*range(2), 5), {*"aa", *"b"} == {"a", "b"}, {**{"a": 1}, "b": 2})
