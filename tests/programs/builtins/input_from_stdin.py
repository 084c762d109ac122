# Checks: input() with stdin at end of file raises EOFError; sys.stdin reads return empty.
import sys

print(repr(sys.stdin.read()))
try:
    input("prompt> ")
except EOFError as error:
    print("EOFError:", error)
