# Checks: recursive quicksort and in-place Lomuto partition on fixed data.
def quicksort(items):
    if len(items) <= 1:
        return items
    pivot, *rest = items
    return quicksort([x for x in rest if x < pivot]) + [pivot] + quicksort([x for x in rest if x >= pivot])


def quicksort_in_place(items, low=0, high=None):
    if high is None:
        high = len(items) - 1
    if low < high:
        pivot = items[high]
        boundary = low
        for index in range(low, high):
            if items[index] <= pivot:
                items[index], items[boundary] = items[boundary], items[index]
                boundary += 1
        items[boundary], items[high] = items[high], items[boundary]
        quicksort_in_place(items, low, boundary - 1)
        quicksort_in_place(items, boundary + 1, high)
    return items


data = [38, 27, 43, 3, 9, 82, 10, 3, -5, 0]
print(quicksort(data), quicksort_in_place(list(data)), sorted(data) == quicksort(data))
