# Checks: merge sort with a generator-based merge, stable on records.
def merge(left, right, key):
    i = j = 0
    while i < len(left) and j < len(right):
        if key(right[j]) < key(left[i]):
            yield right[j]
            j += 1
        else:
            yield left[i]
            i += 1
    yield from left[i:]
    yield from right[j:]


def merge_sort(items, key=lambda x: x):
    if len(items) <= 1:
        return list(items)
    middle = len(items) // 2
    return list(merge(merge_sort(items[:middle], key), merge_sort(items[middle:], key), key))


records = [("b", 2), ("a", 1), ("c", 2), ("d", 1), ("e", 0)]
print(merge_sort(records, key=lambda r: r[1]), merge_sort(list("mergesort")))
