# Checks: raise with a class, an instance, re-raise in except, and raising non-exceptions.
for attempt in range(4):
    try:
        if attempt == 0:
            raise ValueError
        if attempt == 1:
            raise ValueError("instance", 2)
        if attempt == 2:
            raise 42
        raise
    except ValueError as error:
        print(attempt, "ValueError", error.args)
    except TypeError as error:
        print(attempt, "TypeError", error)
    except RuntimeError as error:
        print(attempt, "RuntimeError", error)
