# Checks: sys.exit deep in a call stack; exit status 2 and atexit handlers run in reverse order.
import atexit
import sys

atexit.register(print, "atexit first registered")
atexit.register(lambda: print("atexit second registered"))


def validate(arguments):
    if len(arguments) < 3:
        print("usage: program a b", file=sys.stderr)
        sys.exit(2)


def main():
    validate(sys.argv)


main()
