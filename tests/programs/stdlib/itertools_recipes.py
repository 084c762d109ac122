# Checks: classic itertools recipes written as guest generators (batched, sliding window, roundrobin, unique).
import collections
import itertools


def batched(iterable, size):
    iterator = iter(iterable)
    while batch := tuple(itertools.islice(iterator, size)):
        yield batch


def sliding_window(iterable, size):
    window = collections.deque(maxlen=size)
    for item in iterable:
        window.append(item)
        if len(window) == size:
            yield tuple(window)


def roundrobin(*iterables):
    iterators = collections.deque(map(iter, iterables))
    while iterators:
        iterator = iterators.popleft()
        try:
            yield next(iterator)
        except StopIteration:
            continue
        iterators.append(iterator)


def unique_everseen(iterable, key=None):
    seen = set()
    for element in iterable:
        marker = element if key is None else key(element)
        if marker not in seen:
            seen.add(marker)
            yield element


print(list(batched("abcdefg", 3)), list(sliding_window(range(5), 3)))
print(list(roundrobin("abc", "d", "ef")), list(unique_everseen("AbBCcAD", key=str.lower)))
