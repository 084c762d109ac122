# Checks: class bodies do not form closures for methods; class-level names and comprehensions.
x = "module"


class Example:
    x = "class"
    y = x + "!"
    items = [x for _ in range(2)]
    doubled = [value * 2 for value in range(3)]

    def method(self):
        return x


print(Example.y, Example.items, Example.doubled, Example().method())


def function():
    z = "function local"

    class Inner:
        seen = z

        def get(self):
            return z
    return Inner


Inner = function()
print(Inner.seen, Inner().get())


def shadowing_class():
    name = "function"

    class Body:
        name = "class body"
        nested = name

        def method(self):
            return name
    return Body.nested, Body().method()


print(shadowing_class())
