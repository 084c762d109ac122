# Checks: closures created in loops, comprehensions and default-argument capture.
def make_handlers():
    handlers = {}
    for name in ("a", "b", "c"):
        def handler(name=name):
            return name.upper()
        handlers[name] = handler
    return handlers


handlers = make_handlers()
print([handlers[key]() for key in "abc"])
closures = [(lambda: k) for k in range(3)]
print([f() for f in closures])
bound = [(lambda k=k: k) for k in range(3)]
print([f() for f in bound])
