# Checks: lexicographic comparison of lists, tuples, strings; comparisons between unlike types raise TypeError.
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0], [[1]] < [[1, 0]], (2,) > (1, 9, 9))
print("abc" < "abd", b"a" < b"b", [1, "a"] == [1, "a"], (1, 2) == [1, 2])
for left, right in (([1], (1,)), ("1", 1), ([None], [None]), ((1, None), (1, 2))):
    try:
        print(left, right, left < right)
    except TypeError as error:
        print("TypeError:", error)
