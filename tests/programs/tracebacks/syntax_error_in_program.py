# Checks: a SyntaxError in the program file itself is reported with the caret and exit status 1.
print("never printed")
x = (1 +
y = 2
