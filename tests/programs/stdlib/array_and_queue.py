# Checks: array.array numeric storage and queue.Queue / LifoQueue / PriorityQueue in one thread.
import array
import queue

numbers = array.array("i", [1, 2, 3])
numbers.append(4)
numbers.extend([5, 6])
print(numbers, numbers.tolist(), numbers.itemsize, sum(numbers), numbers[1:3])
fifo, lifo, priority = queue.Queue(), queue.LifoQueue(), queue.PriorityQueue()
for item in (3, 1, 2):
    fifo.put(item)
    lifo.put(item)
    priority.put((item, f"task{item}"))
print([fifo.get() for _ in range(3)], [lifo.get() for _ in range(3)], [priority.get()[1] for _ in range(3)])
