# Checks: methods that are generators, __iter__ as a generator, and reusable iterables.
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child

    def depth_first(self, depth=0):
        yield depth, self.value
        for child in self.children:
            yield from child.depth_first(depth + 1)


tree = Tree(1, Tree(2, Tree(4)), Tree(3))
print(list(tree), list(tree), list(tree.depth_first()), max(tree))
