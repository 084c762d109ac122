"""Richards: Martin Richards' operating-system simulation, the full workload.

Six tasks (an idle task, a worker, two packet handlers and two devices) pass packets
through a priority scheduler; each task is a state machine run by method calls on small
objects, so the benchmark measures attribute access, calls and branches. With an idle
count of 10000 every correct implementation queues 23246 packets and holds a task 9297
times; the program checks those two counts on every iteration.
"""

import sys
import time

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(1, 7)
DEVICE_PACKET, WORK_PACKET = "device", "work"
BUFFER_SIZE = 4
IDLE_COUNT = 10000
EXPECTED_QUEUED, EXPECTED_HELD = 23246, 9297


class Packet:
    def __init__(self, link, destination, kind):
        self.link = link
        self.destination = destination
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        """Put this packet at the end of the queue whose head is given; return the head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    """A task control block: the scheduler's record of one task and its state bits.

    A task runs when it is neither held nor waiting without a packet; `packet_pending`
    says that its input queue is not empty.
    """

    def __init__(self, system, identity, priority, queue, packet_pending, waiting):
        self.system = system
        self.identity = identity
        self.priority = priority
        self.queue = queue
        self.packet_pending = packet_pending
        self.waiting = waiting
        self.held = False
        self.link = system.task_list
        system.task_list = self
        system.tasks[identity] = self

    def is_held_or_waiting(self):
        return self.held or (not self.packet_pending and self.waiting)

    def is_waiting_with_packet(self):
        return self.packet_pending and self.waiting and not self.held

    def add_packet(self, packet, current):
        """Queue a packet for this task; return the task that should run next."""
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current

    def run(self):
        if self.is_waiting_with_packet():
            packet = self.queue
            self.queue = packet.link
            self.waiting = False
            self.packet_pending = self.queue is not None
        else:
            packet = None
        return self.step(packet)

    # -- the operations a task's step uses; each returns the task to run next --

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.system.held_count += 1
        self.held = True
        return self.link

    def release(self, identity):
        task = self.system.tasks[identity]
        task.held = False
        if task.priority > self.priority:
            return task
        return self

    def send(self, packet):
        target = self.system.tasks[packet.destination]
        self.system.queued_count += 1
        packet.link = None
        packet.destination = self.identity
        return target.add_packet(packet, self)


class IdleTask(Task):
    def __init__(self, system, identity, priority, queue, packet_pending, waiting, count):
        super().__init__(system, identity, priority, queue, packet_pending, waiting)
        self.control = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        # The control word is a pseudo-random bit sequence choosing which device to wake.
        if self.control & 1 == 0:
            self.control //= 2
            return self.release(DEVICE_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, system, identity, priority, queue, packet_pending, waiting):
        super().__init__(system, identity, priority, queue, packet_pending, waiting)
        self.handler = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.wait()
        self.handler = HANDLER_B if self.handler == HANDLER_A else HANDLER_A
        packet.destination = self.handler
        packet.datum = 0
        for index in range(BUFFER_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.data[index] = ord("A") + self.letter - 1
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, system, identity, priority, queue, packet_pending, waiting):
        super().__init__(system, identity, priority, queue, packet_pending, waiting)
        self.work_queue = None
        self.device_queue = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work_queue = packet.append_to(self.work_queue)
            else:
                self.device_queue = packet.append_to(self.device_queue)
        work = self.work_queue
        if work is None:
            return self.wait()
        position = work.datum
        if position >= BUFFER_SIZE:
            self.work_queue = work.link
            return self.send(work)
        device = self.device_queue
        if device is None:
            return self.wait()
        self.device_queue = device.link
        device.datum = work.data[position]
        work.datum = position + 1
        return self.send(device)


class DeviceTask(Task):
    def __init__(self, system, identity, priority, queue, packet_pending, waiting):
        super().__init__(system, identity, priority, queue, packet_pending, waiting)
        self.pending = None

    def step(self, packet):
        if packet is None:
            packet = self.pending
            if packet is None:
                return self.wait()
            self.pending = None
            return self.send(packet)
        self.pending = packet
        return self.hold()


class System:
    def __init__(self):
        self.tasks = [None] * 7
        self.task_list = None
        self.queued_count = 0
        self.held_count = 0

    def schedule(self):
        task = self.task_list
        while task is not None:
            if task.is_held_or_waiting():
                task = task.link
            else:
                task = task.run()


def packets(destination, kind, count):
    queue = None
    for _ in range(count):
        queue = Packet(queue, destination, kind)
    return queue


def run_once():
    system = System()
    IdleTask(system, IDLE, 1, None, False, False, IDLE_COUNT)
    WorkerTask(system, WORKER, 1000, packets(0, WORK_PACKET, 2), True, True)
    HandlerTask(system, HANDLER_A, 2000, packets(DEVICE_A, DEVICE_PACKET, 3), True, True)
    HandlerTask(system, HANDLER_B, 3000, packets(DEVICE_B, DEVICE_PACKET, 3), True, True)
    DeviceTask(system, DEVICE_A, 4000, None, False, True)
    DeviceTask(system, DEVICE_B, 5000, None, False, True)
    system.schedule()
    return system.queued_count, system.held_count


def main(iterations):
    for _ in range(iterations):
        queued, held = run_once()
        if (queued, held) != (EXPECTED_QUEUED, EXPECTED_HELD):
            raise AssertionError("richards: %d packets queued, %d holds" % (queued, held))
    return "%d iterations: %d packets queued, %d holds" % (iterations, queued, held)


if __name__ == "__main__":
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    start = time.process_time()
    print(main(iterations))
    print("elapsed", time.process_time() - start)
