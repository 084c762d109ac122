# Checks: sending to an exhausted generator, throwing after close, and close after exhaustion.
def one():
    yield 1


gen = one()
print(next(gen))
for action in ("send", "throw", "next"):
    try:
        if action == "send":
            gen.send(None)
        elif action == "throw":
            gen.throw(ValueError("late"))
        else:
            next(gen)
    except StopIteration:
        print(action, "-> StopIteration")
    except ValueError as error:
        print(action, "-> ValueError", error)
gen.close()
print("close after exhaustion is fine")
