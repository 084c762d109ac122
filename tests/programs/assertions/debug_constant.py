# Checks: __debug__ in expressions and if statements (without -O).
print(__debug__, not __debug__, __debug__ and "debugging")
if __debug__:
    print("debug branch taken")
while not __debug__:
    print("never")
