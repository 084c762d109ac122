# Checks: traceback for a NameError at module level, including the "Did you mean" suggestion.
counter = 1
print(countr)
