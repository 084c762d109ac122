# Checks: __call__ makes instances callable, used with map/sorted and as decorators.
class Multiplier:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, value):
        return value * self.factor


class CountCalls:
    def __init__(self, function):
        self.function = function
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.function(*args)


triple = Multiplier(3)
print(triple(5), list(map(triple, [1, 2])), sorted([3, -4, 1], key=Multiplier(-1)), callable(triple))


@CountCalls
def add(a, b):
    return a + b


print(add(1, 2), add(3, 4), add.calls)
