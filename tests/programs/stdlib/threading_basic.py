# Checks: threads running guest functions, joined in order; a Lock protecting a counter.
import threading

counter = 0
lock = threading.Lock()
results = {}


def work(name, count):
    global counter
    for _ in range(count):
        with lock:
            counter += 1
    results[name] = count


threads = [threading.Thread(target=work, args=(f"t{i}", 100 * (i + 1))) for i in range(3)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(counter, sorted(results.items()))
