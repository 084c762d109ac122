# Checks: an LRU cache built on OrderedDict with __getitem__/__setitem__/__contains__/__len__.
import collections


class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = collections.OrderedDict()
        self.hits = self.misses = 0

    def __getitem__(self, key):
        if key in self.data:
            self.hits += 1
            self.data.move_to_end(key)
            return self.data[key]
        self.misses += 1
        raise KeyError(key)

    def __setitem__(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.capacity:
            evicted = self.data.popitem(last=False)
            print("evicted", evicted)

    def __contains__(self, key):
        return key in self.data

    def __len__(self):
        return len(self.data)


cache = LRU(2)
cache["a"] = 1
cache["b"] = 2
cache["a"]
cache["c"] = 3
print("b" in cache, "a" in cache, len(cache), list(cache.data))
try:
    cache["b"]
except KeyError as error:
    print("KeyError:", error)
print(cache.hits, cache.misses)
