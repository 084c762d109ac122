# Checks: queue: FIFO, LIFO, priority and simple queues, blocking limits, task_done/join with a worker thread.
import queue
import threading

fifo = queue.Queue(maxsize=2)
fifo.put(1)
fifo.put(2)
print(fifo.full(), fifo.qsize())
try:
    fifo.put(3, block=False)
except queue.Full:
    print("Full")
print(fifo.get(), fifo.get(), fifo.empty())
try:
    fifo.get(timeout=0.01)
except queue.Empty:
    print("Empty")
lifo = queue.LifoQueue()
for value in "abc":
    lifo.put(value)
print([lifo.get() for _ in range(3)])
priority = queue.PriorityQueue()
for item in [(3, "low"), (1, "high"), (2, "mid")]:
    priority.put(item)
print([priority.get_nowait() for _ in range(3)])
simple = queue.SimpleQueue()
simple.put("s")
print(simple.get(), simple.empty())
work = queue.Queue()
results = []


def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            break
        results.append(item * item)
        work.task_done()


thread = threading.Thread(target=worker)
thread.start()
for number in range(5):
    work.put(number)
work.put(None)
work.join()
thread.join()
print(results, work.unfinished_tasks)
