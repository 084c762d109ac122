# Checks: __length_hint__ used by operator.length_hint, __reversed__ used by reversed(), and fallbacks.
import operator


class Hinted:
    def __iter__(self):
        return iter([1, 2, 3])

    def __length_hint__(self):
        return 42


class Backwards:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, index):
        return self.items[index]


class CustomReversed(Backwards):
    def __reversed__(self):
        yield "custom"


print(operator.length_hint(Hinted()), operator.length_hint([1, 2]), operator.length_hint(object(), 7))
print(list(reversed(Backwards("abc"))), list(reversed(CustomReversed("abc"))), list(Hinted()))
