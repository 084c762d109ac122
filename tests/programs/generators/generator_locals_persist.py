# Checks: generator local variables persist between yields, including loop state and nested closures.
def stateful():
    history = []
    count = 0
    while True:
        command = yield count, list(history)
        if command == "stop":
            return history
        history.append(command)
        count += 1
        helper = lambda: count * 10
        history.append(helper())


gen = stateful()
print(next(gen))
print(gen.send("a"))
print(gen.send("b"))
try:
    gen.send("stop")
except StopIteration as stop:
    print("final", stop.value)
