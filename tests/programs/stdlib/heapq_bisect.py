# Checks: heapq and bisect with guest objects that define __lt__, and key functions.
import bisect
import heapq


class Task:
    def __init__(self, priority, name):
        self.priority = priority
        self.name = name

    def __lt__(self, other):
        return self.priority < other.priority

    def __repr__(self):
        return f"{self.name}({self.priority})"


heap = []
for priority, name in [(3, "write"), (1, "plan"), (2, "test"), (5, "ship")]:
    heapq.heappush(heap, Task(priority, name))
print([heapq.heappop(heap) for _ in range(len(heap))])
print(heapq.nlargest(2, [5, 1, 8, 3]), heapq.nsmallest(2, ["pear", "fig", "apple"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6])))
scores = [10, 20, 30, 40]
print(bisect.bisect_left(scores, 20), bisect.bisect_right(scores, 20), bisect.bisect(scores, 25))
bisect.insort(scores, 25)
print(scores, bisect.bisect_left([("a", 1), ("c", 3)], "b", key=lambda pair: pair[0]))
