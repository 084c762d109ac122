# Checks: sys.setrecursionlimit refuses a limit at or below the current depth (RecursionError), and recursion in except handlers ends in RecursionError under a tight limit.
import sys
def probe(n):
    if n:
        return probe(n - 1)
    found = None
    for limit in range(1, 50):
        try:
            sys.setrecursionlimit(limit)
        except RecursionError as error:
            last = error
        else:
            found = limit
            break
    sys.setrecursionlimit(1000)
    return found, str(last)
for n in (0, 3, 10):
    print(n, probe(n))
def recurse_in_body_and_except():
    try:
        recurse_in_body_and_except()
    except:
        recurse_in_body_and_except()
def recurse_in_except():
    try:
        1/0
    except:
        recurse_in_except()
depth = probe(0)[0]
sys.setrecursionlimit(depth + 10)
for func in (recurse_in_except, recurse_in_body_and_except):
    try:
        func()
    except RecursionError:
        print("RecursionError from", func.__name__)
sys.setrecursionlimit(1000)
