# Checks: exec cannot rebind function locals; it writes into the locals() snapshot dict.
def function():
    x = 1
    exec("x = 2")
    snapshot = locals()
    exec("y = 3", globals(), snapshot)
    return x, snapshot["y"]


print(function())
