# Checks: heapq: heappush/pop, heapify, pushpop/replace, nlargest/nsmallest with keys, merge.
import heapq

heap = []
for value in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(heap, value)
print(heap, [heapq.heappop(heap) for _ in range(3)], heap)
numbers = [9, 4, 7, 1, 8, 2]
heapq.heapify(numbers)
print(numbers, heapq.heappushpop(numbers, 0), heapq.heapreplace(numbers, 10), numbers)
records = [("ada", 36), ("bob", 25), ("cy", 41), ("di", 25)]
print(heapq.nlargest(2, records, key=lambda record: record[1]), heapq.nsmallest(3, records, key=lambda record: record[1]))
print(heapq.nsmallest(2, [3, 1, 2]), heapq.nlargest(10, [3, 1, 2]), heapq.nlargest(1, []))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])), list(heapq.merge(["c", "a"], ["b"], key=len, reverse=True)))
tasks = []
for priority, name in [(2, "write"), (1, "plan"), (3, "ship"), (1, "coffee")]:
    heapq.heappush(tasks, (priority, name))
print([heapq.heappop(tasks) for _ in range(len(tasks))])
try:
    heapq.heappop([])
except IndexError as error:
    print("IndexError:", error)
