# Checks: exceptions raised inside comprehensions propagate with their messages.
try:
    [1 / x for x in (2, 1, 0)]
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)
try:
    {x: y for x, y in [(1, 2), (3,)]}
except ValueError as error:
    print("ValueError:", error)
try:
    [undefined for _ in range(1)]
except NameError as error:
    print("NameError:", error)
