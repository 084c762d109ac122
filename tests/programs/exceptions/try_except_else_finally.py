# Checks: the order of try/except/else/finally clauses in every path.
def attempt(action):
    log = []
    try:
        log.append("try")
        if action == "raise":
            raise ValueError("bad")
        if action == "other":
            raise KeyError("other")
    except ValueError as error:
        log.append(f"except {error}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log


print(attempt("ok"))
print(attempt("raise"))
try:
    attempt("other")
except KeyError as error:
    print("propagated", repr(error))
