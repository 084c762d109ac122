# Checks: Dijkstra's shortest paths with heapq and path reconstruction.
import heapq

graph = {
    "A": {"B": 4, "C": 2},
    "B": {"C": 5, "D": 10},
    "C": {"E": 3},
    "D": {"F": 11},
    "E": {"D": 4},
    "F": {},
}


def shortest(start):
    distance = {start: 0}
    previous = {}
    heap = [(0, start)]
    while heap:
        cost, node = heapq.heappop(heap)
        if cost > distance[node]:
            continue
        for neighbour, weight in graph[node].items():
            candidate = cost + weight
            if candidate < distance.get(neighbour, float("inf")):
                distance[neighbour] = candidate
                previous[neighbour] = node
                heapq.heappush(heap, (candidate, neighbour))
    return distance, previous


distance, previous = shortest("A")
print(distance)
node, path = "F", []
while node != "A":
    path.append(node)
    node = previous[node]
print(["A"] + path[::-1])
