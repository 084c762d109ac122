# Checks: pass, Ellipsis, empty bodies, and statements separated by semicolons.
def nothing():
    pass


def placeholder():
    ...


class Empty:
    pass


print(nothing(), placeholder(), Ellipsis, ... is Ellipsis, type(Empty()).__name__)
x = 1; y = 2; print(x + y)
if x: pass
for _ in range(2): print("loop body on one line")
