# Checks: class vs instance attributes, shadowing, vars(), __dict__ and dynamic attributes.
class Counter:
    total = 0
    shared = []

    def __init__(self):
        Counter.total += 1
        self.own = []


a = Counter()
b = Counter()
a.shared.append("a")
a.own.append("a")
a.total = 100
print(Counter.total, a.total, b.total, b.shared, b.own, sorted(vars(a)))
del a.total
print(a.total)
setattr(Counter, "added", "later")
print(b.added, getattr(b, "added"), "added" in Counter.__dict__)
delattr(Counter, "added")
print(hasattr(b, "added"))
