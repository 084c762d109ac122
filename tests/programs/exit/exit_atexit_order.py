# Checks: atexit handlers run after sys.exit, last registered first, with their arguments; the status is kept.
import atexit
import sys


def goodbye(name, punctuation="."):
    print(f"goodbye {name}{punctuation}")


atexit.register(goodbye, "first")
atexit.register(goodbye, "second", punctuation="!")
print("main body done")
sys.exit(12)
