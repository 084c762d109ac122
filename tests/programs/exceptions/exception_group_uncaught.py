# Checks: the traceback format of an uncaught ExceptionGroup with nested groups.
def fail(n):
    raise ValueError(f"failure {n}")


errors = []
for n in range(2):
    try:
        fail(n)
    except ValueError as error:
        errors.append(error)
raise ExceptionGroup("two failures", errors + [ExceptionGroup("nested", [KeyError("k")])])
