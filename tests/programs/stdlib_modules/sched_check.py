# Checks: sched: a scheduler on a fake clock: ordering by time and priority, cancel, queue, run(blocking=False).
import sched

now = [0.0]


def clock():
    return now[0]


def sleep(seconds):
    now[0] += seconds


scheduler = sched.scheduler(clock, sleep)
log = []
scheduler.enter(5, 1, log.append, ("five",))
scheduler.enter(1, 2, log.append, ("one-low",))
scheduler.enter(1, 1, log.append, ("one-high",))
cancelled = scheduler.enterabs(3, 1, log.append, argument=("three",))
scheduler.enter(2, 1, lambda name, suffix="": log.append(name + suffix), ("two",), {"suffix": "!"})
print([(event.time, event.priority, event.argument) for event in scheduler.queue])
scheduler.cancel(cancelled)
scheduler.run()
print(log, now[0], scheduler.empty())
scheduler.enter(10, 1, log.append, ("later",))
print(scheduler.run(blocking=False), log[-1])
try:
    scheduler.cancel(cancelled)
except ValueError as error:
    print("ValueError:", error is not None)
