# Checks: traceback through an operator method (__add__) called by the + operator.
class Meters:
    def __init__(self, value):
        self.value = value

    def __add__(self, other):
        return Meters(self.value + other.value)


total = Meters(1) + Meters(2)
print(total.value)
total = Meters(1) + 5
