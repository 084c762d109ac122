# Checks: __iter__/__next__ classes used by for, list(), unpacking, in, and StopIteration.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


for number in Countdown(3):
    print(number)
print(list(Countdown(4)), sum(Countdown(10)), 2 in Countdown(5), sorted(Countdown(3)))
a, b, c = Countdown(3)
print(a, b, c)
iterator = iter(Countdown(2))
print(next(iterator), next(iterator), next(iterator, "done"))


class Sequence:
    def __getitem__(self, index):
        if index >= 3:
            raise IndexError(index)
        return index * 10


print(list(Sequence()), 20 in Sequence(), list(reversed([*Sequence()])))
