# program-args: first "second arg" --flag=3
# Checks: sys.argv holds the program path as given and the arguments.
import sys

print(sys.argv)
print(len(sys.argv), sys.argv[1:])
