# Checks: SystemExit raised inside a generator propagates out of the for loop and exits.
import sys


def items():
    yield 1
    sys.exit(6)


for item in items():
    print("item", item)
