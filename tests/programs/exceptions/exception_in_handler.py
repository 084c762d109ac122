# Checks: an error inside an except block chains to the handled exception (printed uncaught).
def parse(value):
    try:
        return int(value)
    except ValueError:
        return undefined_fallback(value)


parse("not a number")
