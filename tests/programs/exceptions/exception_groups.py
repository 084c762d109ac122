# Checks: except* splits ExceptionGroups by type; unhandled parts propagate; nested groups.
def handle(group):
    try:
        raise group
    except* ValueError as matched:
        print("ValueErrors:", [str(e) for e in matched.exceptions])
    except* (KeyError, IndexError) as matched:
        print("lookups:", [repr(e) for e in matched.exceptions])


handle(ExceptionGroup("several", [ValueError("v1"), KeyError("k"), ValueError("v2"), IndexError(1)]))
try:
    handle(ExceptionGroup("mixed", [ValueError("handled"), TypeError("unhandled")]))
except ExceptionGroup as rest:
    print("left over:", rest.message, [repr(e) for e in rest.exceptions])
try:
    raise ValueError("plain")
except* ValueError as matched:
    print("plain exception wrapped:", type(matched).__name__, matched.exceptions)
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [ValueError(2), OSError(3)])])
try:
    try:
        raise nested
    except* ValueError as matched:
        print("nested match:", repr(matched))
except* OSError as remaining:
    print("remaining:", repr(remaining))
