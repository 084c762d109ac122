# Checks: sys.exit(3) ends the program with status 3 and no traceback.
import sys

print("exiting with 3")
sys.exit(3)
print("not printed")
