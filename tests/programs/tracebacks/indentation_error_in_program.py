# Checks: an IndentationError in the program file is reported like python does.
def function():
    x = 1
      y = 2
