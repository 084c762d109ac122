# Checks: a round-robin scheduler of generator tasks (cooperative multitasking with a deque).
import collections


def task(name, steps):
    for step in range(steps):
        print(f"{name} step {step}")
        yield
    print(f"{name} done")


def run(tasks):
    queue = collections.deque(tasks)
    while queue:
        current = queue.popleft()
        try:
            next(current)
        except StopIteration:
            continue
        queue.append(current)


run([task("A", 3), task("B", 1), task("C", 2)])
