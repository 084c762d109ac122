# Checks: sys.exit inside an except block exits with the given code (context is not printed).
import sys

try:
    {}["missing"]
except KeyError:
    print("missing key, exiting")
    sys.exit(9)
