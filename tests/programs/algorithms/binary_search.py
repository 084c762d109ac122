# Checks: iterative and recursive binary search, including missing values and edges.
def search(items, target):
    low, high = 0, len(items) - 1
    while low <= high:
        middle = (low + high) // 2
        if items[middle] == target:
            return middle
        if items[middle] < target:
            low = middle + 1
        else:
            high = middle - 1
    return -1


def search_recursive(items, target, low=0, high=None):
    high = len(items) - 1 if high is None else high
    if low > high:
        return -1
    middle = (low + high) // 2
    if items[middle] == target:
        return middle
    if items[middle] < target:
        return search_recursive(items, target, middle + 1, high)
    return search_recursive(items, target, low, middle - 1)


items = list(range(0, 100, 7))
print([search(items, t) for t in (0, 7, 49, 98, 50, -1)])
print([search_recursive(items, t) for t in (0, 7, 49, 98, 50, -1)])
