# Checks: raising and lowering sys.setrecursionlimit changes how deep recursion may go.
import sys


def depth(n):
    return n if n == 0 else depth(n - 1)


sys.setrecursionlimit(3000)
print(depth(2500))
sys.setrecursionlimit(200)
try:
    depth(500)
except RecursionError as error:
    print("RecursionError:", error)
sys.setrecursionlimit(1000)
print(depth(100))
