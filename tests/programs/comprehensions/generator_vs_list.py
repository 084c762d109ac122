# Checks: differences between list comprehensions and generator expressions (timing of evaluation).
log = []


def tracked(value):
    log.append(value)
    return value


eager = [tracked(x) for x in range(3)]
print("after list", log)
log.clear()
lazy = (tracked(x) for x in range(3))
print("after generator", log)
print(next(lazy), log)
print(list(lazy), log)
