# Checks: global and nonlocal declarations inside class bodies.
counter = 0


def factory():
    created = []

    class Tracked:
        nonlocal created
        global counter
        counter += 1
        created = ["class body ran"]
    return Tracked, created


print(factory()[1], counter)
