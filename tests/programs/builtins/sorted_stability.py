# Checks: sorted is stable; multi-pass sorting; sorting with None-safe keys; TypeError on mixed types.
records = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
by_number = sorted(records, key=lambda r: r[1])
print(by_number)
print(sorted(by_number, key=lambda r: r[0]))
values = [3, None, 1, None, 2]
print(sorted(values, key=lambda v: (v is None, v or 0)))
try:
    sorted([1, "a", 2])
except TypeError as error:
    print("TypeError:", error)
print(sorted([[2, 1], [1, 2], [1]]), sorted([(1, "b"), (1, "a")]), sorted("Banana", key=str.lower))
