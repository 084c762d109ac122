# Checks: traceback of a bare `raise` in an except block: the original line and the re-raise line appear.
def load(text):
    try:
        return int(text)
    except ValueError:
        print("logging the failure")
        raise


load("x")
