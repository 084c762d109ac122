# Checks: copy.copy and copy.deepcopy of guest objects, cycles, __copy__ and __deepcopy__ hooks.
import copy


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []


root = Node(1)
root.children.append(Node(2))
root.children.append(root)
shallow = copy.copy(root)
deep = copy.deepcopy(root)
print(shallow.children is root.children, deep.children is root.children, deep.children[1] is deep)
print(deep.children[0].value, deep is not root)


class Tracked:
    def __init__(self):
        self.data = [1, 2]

    def __copy__(self):
        print("custom __copy__")
        clone = Tracked()
        clone.data = self.data
        return clone

    def __deepcopy__(self, memo):
        print("custom __deepcopy__")
        clone = Tracked()
        clone.data = copy.deepcopy(self.data, memo)
        return clone


original = Tracked()
print(copy.copy(original).data is original.data, copy.deepcopy(original).data is original.data)
