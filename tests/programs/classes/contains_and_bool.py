# Checks: `in` falls back from __contains__ to __iter__ to __getitem__; bool from __len__.
class WithContains:
    def __contains__(self, item):
        print("contains", item)
        return item == 1


class WithIter:
    def __iter__(self):
        print("iterating")
        return iter([1, 2, 3])


class WithGetitem:
    def __getitem__(self, index):
        if index > 2:
            raise IndexError
        return index


print(1 in WithContains(), 2 in WithContains(), 3 in WithIter(), 9 in WithIter(), 2 in WithGetitem())
try:
    1 in object()
except TypeError as error:
    print("TypeError:", error)
