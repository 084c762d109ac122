# Checks: traceback for an UnboundLocalError.
total = 0


def add(value):
    total += value


add(5)
