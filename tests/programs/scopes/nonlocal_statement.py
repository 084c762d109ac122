# Checks: nonlocal through several levels and nonlocal in loops.
def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    result = middle()
    return result, x


print(outer())


def accumulate(values):
    total = 0
    history = []

    def add(value):
        nonlocal total
        total += value
        history.append(total)
    for value in values:
        add(value)
    return total, history


print(accumulate([1, 2, 3, 4]))
