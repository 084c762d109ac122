# Checks: generators used as __iter__ on classes combined with zip, dict and unpacking.
class Pairs:
    def __init__(self, **items):
        self.items = items

    def __iter__(self):
        for key, value in self.items.items():
            yield key, value


pairs = Pairs(a=1, b=2)
print(dict(pairs), list(zip(*pairs)), [k for k, _ in pairs])
(k1, v1), (k2, v2) = pairs
print(k1, v1, k2, v2)
