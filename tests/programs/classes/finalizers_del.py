# Checks: __del__ runs when the last reference goes away (del, rebinding, end of function, container clear).
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalising", self.name)


first = Noisy("first")
del first
print("after del")
second = Noisy("second")
second = Noisy("replacement")
print("after rebinding")


def scoped():
    local = Noisy("local")
    print("leaving function")


scoped()
print("after function")
items = [Noisy("in list 1"), Noisy("in list 2")]
items.clear()
print("after clear")
