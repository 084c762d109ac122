# Checks: breadth-first and depth-first search, shortest paths and connected components on a fixed graph.
import collections

edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("f", "g")]
graph = collections.defaultdict(list)
for left, right in edges:
    graph[left].append(right)
    graph[right].append(left)


def bfs(start):
    distances = {start: 0}
    queue = collections.deque([start])
    while queue:
        node = queue.popleft()
        for neighbour in graph[node]:
            if neighbour not in distances:
                distances[neighbour] = distances[node] + 1
                queue.append(neighbour)
    return distances


def dfs(start, seen=None):
    seen = [] if seen is None else seen
    seen.append(start)
    for neighbour in graph[start]:
        if neighbour not in seen:
            dfs(neighbour, seen)
    return seen


def components():
    remaining = sorted(graph)
    found = []
    while remaining:
        group = sorted(bfs(remaining[0]))
        found.append(group)
        remaining = [node for node in remaining if node not in group]
    return found


print(bfs("a"), dfs("a"), components())
