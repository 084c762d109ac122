# Checks: SystemExit can be caught; its code is inspectable; raising SystemExit directly works.
import sys

try:
    sys.exit(7)
except SystemExit as stop:
    print("caught exit", stop.code)
try:
    raise SystemExit("message", "extra")
except SystemExit as stop:
    print("args", stop.args, stop.code)
raise SystemExit(5)
