# Checks: __name__, __file__, __builtins__, __spec__ and __loader__ presence in the main module.
import os

print(__name__, os.path.basename(__file__), __spec__, type(__builtins__).__name__)
print(sorted(name for name in globals() if name.startswith("__")))
