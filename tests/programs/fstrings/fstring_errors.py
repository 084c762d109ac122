# Checks: errors raised while evaluating f-string expressions and invalid format specs.
try:
    f"{1 / 0}"
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)
try:
    f"{'text':d}"
except ValueError as error:
    print("ValueError:", error)
try:
    f"{12:invalid}"
except ValueError as error:
    print("ValueError:", error)
try:
    f"{undefined_variable}"
except NameError as error:
    print("NameError:", error)
