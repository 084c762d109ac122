# Checks: unbounded recursion raises RecursionError that the program can catch, and runs on afterwards.
import sys


def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as error:
    print("RecursionError:", error)
print(sys.getrecursionlimit())


def count_depth(n=0):
    try:
        return count_depth(n + 1)
    except RecursionError:
        return n


print(count_depth() > 900)
print("still running", sum(range(10)))
