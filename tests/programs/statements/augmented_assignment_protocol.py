# Checks: augmented assignment calls __iadd__ when present, else __add__; subscript targets are read and written once.
class InPlace:
    def __init__(self):
        self.items = []

    def __iadd__(self, other):
        print("__iadd__")
        self.items.append(other)
        return self


class Plain:
    def __init__(self, total=0):
        self.total = total

    def __add__(self, other):
        print("__add__")
        return Plain(self.total + other)


class Logged(dict):
    def __getitem__(self, key):
        print("get", key)
        return super().__getitem__(key)

    def __setitem__(self, key, value):
        print("set", key)
        super().__setitem__(key, value)


a = InPlace()
alias = a
a += 1
print(a is alias, a.items)
b = Plain()
alias = b
b += 5
print(b is alias, b.total)
table = Logged(count=1)
table["count"] += 10
print(table)
