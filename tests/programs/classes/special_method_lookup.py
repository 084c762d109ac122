# Checks: special methods are looked up on the type, not the instance; setting __iter__ = None blocks iteration.
class Plain:
    def __len__(self):
        return 1


instance = Plain()
instance.__len__ = lambda: 99
print(len(instance), instance.__len__())


class NotIterable:
    __iter__ = None

    def __getitem__(self, index):
        return index


try:
    iter(NotIterable())
except TypeError as error:
    print("TypeError:", error)


class BadBool:
    def __bool__(self):
        return "yes"


try:
    bool(BadBool())
except TypeError as error:
    print("TypeError:", error)


class InitReturns:
    def __init__(self):
        return 5


try:
    InitReturns()
except TypeError as error:
    print("TypeError:", error)
