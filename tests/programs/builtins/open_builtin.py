# Checks: open() reading this program's own source, line iteration, modes and errors.
import os

with open(os.path.basename(__file__), encoding="utf-8") as handle:
    first_line = handle.readline()
    rest = handle.readlines()
print(first_line.rstrip(), len(rest) > 5, handle.closed)
with open(__file__, "rb") as handle:
    print(handle.read(9))
try:
    open("definitely_missing_file.txt")
except FileNotFoundError as error:
    print("FileNotFoundError:", error)
try:
    open(__file__, "invalid-mode")
except ValueError as error:
    print("ValueError:", error)
