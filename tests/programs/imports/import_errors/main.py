# Checks: ImportError and ModuleNotFoundError messages; a module that raises while importing is not cached.
import sys

try:
    import does_not_exist_anywhere
except ModuleNotFoundError as error:
    print("ModuleNotFoundError:", error, error.name)
try:
    from broken_helper import missing_name
except ImportError as error:
    print("ImportError:", error)
try:
    import failing_helper
except ZeroDivisionError as error:
    print("ZeroDivisionError while importing:", error)
print("failing_helper" in sys.modules)
