# Checks: union-find with path compression and union by rank, used for Kruskal's minimum spanning tree.
class DisjointSet:
    def __init__(self, items):
        self.parent = {item: item for item in items}
        self.rank = dict.fromkeys(items, 0)

    def find(self, item):
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a, b):
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        if self.rank[root_a] < self.rank[root_b]:
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        if self.rank[root_a] == self.rank[root_b]:
            self.rank[root_a] += 1
        return True


edges = [(7, "A", "B"), (5, "A", "D"), (8, "B", "C"), (9, "B", "D"), (7, "B", "E"),
         (5, "C", "E"), (15, "D", "E"), (6, "D", "F"), (8, "E", "F"), (9, "E", "G"), (11, "F", "G")]
sets = DisjointSet("ABCDEFG")
tree = [(weight, a, b) for weight, a, b in sorted(edges) if sets.union(a, b)]
print(tree, sum(weight for weight, _, _ in tree))
