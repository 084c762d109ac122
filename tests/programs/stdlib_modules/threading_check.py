# Checks: threading: threads with results, Lock/RLock, Condition, Event, Semaphore, Barrier, local, Timer, excepthook.
import threading

counter = 0
lock = threading.Lock()


def increment(times):
    global counter
    for _ in range(times):
        with lock:
            counter += 1


threads = [threading.Thread(target=increment, args=(200,), name=f"worker-{index}") for index in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(counter, [thread.name for thread in threads], any(thread.is_alive() for thread in threads))
reentrant = threading.RLock()
with reentrant:
    with reentrant:
        print("nested RLock ok")
condition = threading.Condition()
items = []


def consumer():
    with condition:
        condition.wait_for(lambda: len(items) == 3)
        print("consumer saw", items)


waiting = threading.Thread(target=consumer)
waiting.start()
for value in range(3):
    with condition:
        items.append(value)
        condition.notify_all()
waiting.join()
event = threading.Event()
flag = []
setter = threading.Thread(target=lambda: (flag.append("set"), event.set()))
setter.start()
print(event.wait(5), flag, event.is_set())
setter.join()
semaphore = threading.BoundedSemaphore(2)
print(semaphore.acquire(), semaphore.acquire(), semaphore.acquire(blocking=False))
semaphore.release()
semaphore.release()
try:
    semaphore.release()
except ValueError as error:
    print("ValueError:", error)
barrier = threading.Barrier(3)
arrivals = []


def arrive(index):
    position = barrier.wait()
    with lock:
        arrivals.append(index)


group = [threading.Thread(target=arrive, args=(index,)) for index in range(3)]
for thread in group:
    thread.start()
for thread in group:
    thread.join()
print(sorted(arrivals), barrier.broken)
storage = threading.local()
storage.value = "main"
seen = []
other = threading.Thread(target=lambda: seen.append(getattr(storage, "value", "unset")))
other.start()
other.join()
print(seen, storage.value)
fired = threading.Event()
timer = threading.Timer(0.01, fired.set)
timer.start()
print(fired.wait(5))
timer.join()
caught = []
threading.excepthook = lambda arguments: caught.append((arguments.exc_type.__name__, str(arguments.exc_value), arguments.thread.name))
failing = threading.Thread(target=lambda: 1 / 0, name="failing")
failing.start()
failing.join()
print(caught, threading.current_thread() is threading.main_thread(), threading.current_thread().name)
print(threading.active_count(), len(threading.enumerate()), threading.get_ident() == threading.main_thread().ident)
