# Checks: None, True, False, Ellipsis and NotImplemented behave as singletons and print correctly.
print(None, True, False, Ellipsis, NotImplemented)
print(repr(None), str(None), type(None).__name__, None == None, None is None)
print(bool(NotImplemented) if False else "skip", [None] * 3, (None,), {None: None})
values = [0, None, False, "", []]
print([v is None for v in values], [v == None for v in values])
