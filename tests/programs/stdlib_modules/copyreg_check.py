# Checks: copyreg: pickle reducers for a class, used by pickle and copy; extension registry.
import copy
import copyreg
import pickle


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"


def reduce_vector(vector):
    print("reducing", vector)
    return Vector, (vector.x, vector.y)


copyreg.pickle(Vector, reduce_vector)
restored = pickle.loads(pickle.dumps(Vector(1, 2)))
print(restored, type(restored) is Vector)
print(copy.copy(Vector(3, 4)))
print(copyreg.dispatch_table[Vector] is reduce_vector)
copyreg.add_extension("some.module", "Thing", 240)
print(copyreg._extension_registry[("some.module", "Thing")])
copyreg.remove_extension("some.module", "Thing", 240)
print(("some.module", "Thing") in copyreg._extension_registry)
try:
    copyreg.pickle(Vector, 42)
except TypeError as error:
    print("TypeError:", error)
print(copyreg.__newobj__(Vector, 5, 6).__class__.__name__)


class Plain:
    __slots__ = ("a", "b", "__weakref__")


print(copyreg._slotnames(Plain))
