# Checks: methods of a class defined inside a function close over the function's locals.
def make_class(greeting):
    counter = 0

    class Greeter:
        def greet(self, name):
            nonlocal counter
            counter += 1
            return f"{greeting}, {name} (#{counter})"
    return Greeter


Hello = make_class("hello")
Hi = make_class("hi")
print(Hello().greet("a"), Hello().greet("b"), Hi().greet("c"))
