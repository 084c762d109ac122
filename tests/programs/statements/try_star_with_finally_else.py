# Checks: try/except* with else and finally clauses.
def run(error):
    try:
        if error:
            raise ExceptionGroup("group", [error])
    except* KeyError:
        print("handled KeyError")
    else:
        print("no errors")
    finally:
        print("finally")


run(None)
run(KeyError("k"))
try:
    run(OSError("unhandled"))
except ExceptionGroup as group:
    print("escaped", repr(group.exceptions[0]))
