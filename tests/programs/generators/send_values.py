# Checks: generator.send delivers values to yield expressions; priming with None; send to a fresh generator.
def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


running = averager()
print(next(running))
print(running.send(10), running.send(20), running.send(60))
fresh = averager()
try:
    fresh.send(5)
except TypeError as error:
    print("TypeError:", error)


def echo():
    received = []
    while len(received) < 3:
        received.append((yield len(received)))
    return received


gen = echo()
print(gen.send(None), gen.send("a"), gen.send("b"))
try:
    gen.send("c")
except StopIteration as stop:
    print("returned", stop.value)
