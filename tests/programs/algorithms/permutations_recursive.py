# Checks: recursive generators for permutations, subsets and partitions compared to itertools.
import itertools


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for index, item in enumerate(items):
        for rest in permutations(items[:index] + items[index + 1:]):
            yield [item] + rest


def subsets(items):
    if not items:
        yield []
        return
    for subset in subsets(items[1:]):
        yield subset
        yield [items[0]] + subset


def partitions(n, largest=None):
    largest = n if largest is None else largest
    if n == 0:
        yield []
        return
    for part in range(min(n, largest), 0, -1):
        for rest in partitions(n - part, part):
            yield [part] + rest


print(list(permutations([1, 2, 3])))
print([tuple(p) for p in permutations("abcd")] == list(itertools.permutations("abcd")))
print(sorted(subsets([1, 2, 3])), list(partitions(5)), sum(1 for _ in partitions(15)))
