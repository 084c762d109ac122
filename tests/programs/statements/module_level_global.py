# Checks: a global statement at module level is allowed and changes nothing; names defined in if/try at module level.
global counter
counter = 1
try:
    import json as serializer
except ImportError:
    serializer = None
if counter:
    label = "positive"
print(counter, serializer.__name__, label)
