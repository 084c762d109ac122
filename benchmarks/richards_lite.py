"""A task scheduler in the style of Richards: objects, method calls, linked lists, branches."""

import sys
import time


class Packet:
    def __init__(self, link, identity, kind):
        self.link = link
        self.identity = identity
        self.kind = kind
        self.count = 0


class Task:
    def __init__(self, scheduler, identity, priority):
        self.scheduler = scheduler
        self.identity = identity
        self.priority = priority
        self.queue = None
        self.runs = 0

    def receive(self, packet):
        packet.link = self.queue
        self.queue = packet

    def take(self):
        packet = self.queue
        if packet is not None:
            self.queue = packet.link
        return packet

    def step(self):
        self.runs += 1
        packet = self.take()
        if packet is None:
            return self.identity
        packet.count += 1
        target = (self.identity + packet.count) % len(self.scheduler.tasks)
        self.scheduler.tasks[target].receive(packet)
        return target


class Scheduler:
    def __init__(self, task_count, packet_count):
        self.tasks = [Task(self, index, index % 3) for index in range(task_count)]
        for index in range(packet_count):
            self.tasks[index % task_count].receive(Packet(None, index, index % 2))

    def run(self, steps):
        current = 0
        for _ in range(steps):
            current = self.tasks[current].step()
            current = (current + 1) % len(self.tasks)
        return sum(task.runs for task in self.tasks)


if __name__ == "__main__":
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 400000
    start = time.perf_counter()
    print(Scheduler(10, 25).run(steps))
    print("elapsed", time.perf_counter() - start)
