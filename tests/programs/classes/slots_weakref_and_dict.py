# Checks: __slots__ with __weakref__ and __dict__ entries, slot descriptors on the class, and slot defaults errors.
import weakref


class Node:
    __slots__ = ("value", "__weakref__")

    def __init__(self, value):
        self.value = value


class Flexible:
    __slots__ = ("fixed", "__dict__")


node = Node(1)
reference = weakref.ref(node)
print(reference().value, hasattr(node, "__dict__"))
flexible = Flexible()
flexible.fixed = 1
flexible.extra = 2
print(flexible.fixed, flexible.__dict__)
try:
    class Conflict:
        __slots__ = ("x",)
        x = 5
except ValueError as error:
    print("ValueError:", error)
print(type(Node.__dict__["value"]).__name__)
