# Checks: calling a generator function at the recursion limit raises RecursionError, as a
# call of any function does; a generator made near the limit still runs.
import sys
def g():
    yield 1
made = []
def rec(n):
    try:
        rec(n + 1)
    except RecursionError:
        try:
            made.append(g())
            made.append("made")
        except RecursionError:
            made.append("refused")
rec(0)
print(made[-1])
def deep(n):
    if n == 0:
        return g()
    return deep(n - 1)
sys.setrecursionlimit(100)
try:
    print(next(deep(97)))
except RecursionError as e:
    print("rec", e)
