# Checks: bisect: bisect_left/right, insort, key functions, lo/hi bounds.
import bisect

scores = [10, 20, 20, 30, 45, 60]
for value in (5, 20, 21, 60, 99):
    print(value, bisect.bisect_left(scores, value), bisect.bisect_right(scores, value),
          bisect.bisect(scores, value))
grades = "FDCBA"
breakpoints = [60, 70, 80, 90]
print([grades[bisect.bisect(breakpoints, score)] for score in (33, 99, 77, 70, 89, 90, 100)])
items = []
for word in ["pear", "apple", "fig", "banana", "kiwi"]:
    bisect.insort(items, word)
print(items)
records = [("a", 1), ("b", 5), ("c", 9)]
print(bisect.bisect_left(records, 5, key=lambda record: record[1]))
bisect.insort_left(records, ("z", 4), key=lambda record: record[1])
print(records)
print(bisect.bisect_left(scores, 20, 3, 5), bisect.insort_right(scores, 25), scores)
try:
    bisect.bisect_left(scores, 1, -1)
except ValueError as error:
    print("ValueError:", error)
