# Checks: raise ... from None suppresses the context in the printed traceback.
def lookup(key):
    try:
        return {"a": 1}[key]
    except KeyError:
        raise LookupError(f"unknown key {key!r}") from None


lookup("b")
