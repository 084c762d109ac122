# Checks: module-level __getattr__ and __dir__ (PEP 562) and module __dict__/__file__ attributes.
import os

import lazy_module

print(lazy_module.eager, lazy_module.computed_thing)
try:
    lazy_module.other
except AttributeError as error:
    print("AttributeError:", error)
print(dir(lazy_module), os.path.basename(lazy_module.__file__), lazy_module.__name__)
