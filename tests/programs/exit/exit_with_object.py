# Checks: sys.exit with a non-int, non-None object prints its str to stderr, status 1.
import sys


class Reason:
    def __str__(self):
        return "custom reason object"


sys.exit(Reason())
