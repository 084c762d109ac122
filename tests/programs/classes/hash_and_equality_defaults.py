# Checks: defining __eq__ removes __hash__; explicit __hash__ restores it; frozen-like value objects as dict keys.
class WithEq:
    def __eq__(self, other):
        return True


class WithBoth:
    def __init__(self, key):
        self.key = key

    def __eq__(self, other):
        return self.key == other.key

    def __hash__(self):
        return hash(self.key)


print(WithEq.__hash__ is None, WithBoth(1) == WithBoth(1))
print(len({WithBoth(1), WithBoth(1), WithBoth(2)}))
cache = {WithBoth("a"): "first"}
print(cache[WithBoth("a")])
