# Checks: from module import * without __all__ skips underscore names.
from star_source import *

print(public_function(), PUBLIC_CONSTANT)
try:
    _private_function()
except NameError as error:
    print("NameError:", error)
