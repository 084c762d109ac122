# Checks: copy: shallow and deep copies, memo for shared and cyclic objects, __copy__/__deepcopy__, __reduce_ex__.
import copy

nested = {"list": [1, [2, 3]], "tuple": (4, [5])}
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested["list"][1].append(99)
print(shallow["list"], deep["list"], shallow["list"] is nested["list"], deep["tuple"] is nested["tuple"])
shared = [1]
pair = [shared, shared]
pair_copy = copy.deepcopy(pair)
print(pair_copy[0] is pair_copy[1], pair_copy[0] is shared)
cycle = [1]
cycle.append(cycle)
cycle_copy = copy.deepcopy(cycle)
print(cycle_copy[1] is cycle_copy, cycle_copy is not cycle)


class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def __repr__(self):
        return f"Node({self.value}, {self.children})"


tree = Node(1, [Node(2), Node(3, [Node(4)])])
tree_copy = copy.deepcopy(tree)
tree.children[1].children[0].value = 40
print(tree, tree_copy)


class Custom:
    def __init__(self, data):
        self.data = data

    def __copy__(self):
        print("__copy__ called")
        return Custom(self.data)

    def __deepcopy__(self, memo):
        print("__deepcopy__ called", len(memo) >= 0)
        return Custom(copy.deepcopy(self.data, memo))


original = Custom([1, 2])
print(copy.copy(original).data is original.data, copy.deepcopy(original).data is original.data)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]
        self.b = "x"


slotted_copy = copy.deepcopy(Slotted())
print(slotted_copy.a, slotted_copy.b)
print(copy.copy(frozenset({1})) is not None, copy.deepcopy((1, 2)) == (1, 2))
try:
    copy.deepcopy(number for number in range(3))
except TypeError as error:
    print("TypeError:", error)
