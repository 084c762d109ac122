# Checks: nested function definitions, qualnames and calling inner functions.
def outer(x):
    def middle(y):
        def inner(z):
            return x + y + z
        print(inner.__qualname__)
        return inner
    return middle


print(outer(1)(2)(3))


def counter_factory():
    count = 0

    def increment():
        nonlocal count
        count += 1
        return count
    return increment


first = counter_factory()
second = counter_factory()
print(first(), first(), first(), second())
