# Checks: and/or/not calling __bool__ and __len__ on guest objects, in the right order and count.
class Loud:
    def __init__(self, name, truth):
        self.name = name
        self.truth = truth

    def __bool__(self):
        print("bool of", self.name)
        return self.truth

    def __repr__(self):
        return self.name


print(Loud("a", False) or Loud("b", True))
print(Loud("c", True) and Loud("d", False))
print(not Loud("e", True))
if Loud("f", False) or Loud("g", False):
    print("not reached")
result = [x for x in (Loud("h", True), Loud("i", False)) if x]
print(result)
