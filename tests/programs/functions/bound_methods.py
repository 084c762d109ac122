# Checks: bound and unbound methods, __self__, __func__, methods stored and called later.
class Counter:
    def __init__(self, start):
        self.value = start

    def step(self, amount=1):
        self.value += amount
        return self.value


counter = Counter(10)
bound = counter.step
print(bound(), bound(5), Counter.step(counter, 100), counter.value)
print(bound.__self__ is counter, bound.__func__ is Counter.step, bound.__name__)
print(counter.step == counter.step, Counter(1).step == counter.step)
methods = [Counter(i).step for i in range(3)]
print([method(10) for method in methods])
print(list(map(Counter(0).step, [1, 2, 3])))
