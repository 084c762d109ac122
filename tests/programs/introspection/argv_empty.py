# Checks: sys.argv with no arguments, and __file__ of the main program.
import os
import sys

print(sys.argv, os.path.basename(__file__), os.path.isabs(__file__))
