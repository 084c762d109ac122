# Checks: class body executes top to bottom; __dict__ keeps definition order; __qualname__ and __module__.
class Outer:
    print("executing Outer body")
    first = 1

    class Inner:
        print("executing Inner body")

        def method(self):
            pass

    second = first + 1


print([name for name in Outer.__dict__ if not name.startswith("__")])
print(Outer.__qualname__, Outer.Inner.__qualname__, Outer.Inner.method.__qualname__, Outer.__module__)
print(Outer.__name__, Outer.Inner.__name__)
