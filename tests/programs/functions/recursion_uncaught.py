# Checks: an uncaught RecursionError prints CPython's traceback with the repeated-line summary.
def down(n):
    return down(n + 1)


down(0)
