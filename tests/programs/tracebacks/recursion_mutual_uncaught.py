# Checks: traceback summary of mutually recursive functions that exceed the recursion limit.
def ping(n):
    return pong(n + 1)


def pong(n):
    return ping(n + 1)


ping(0)
