# Checks: os._exit ends the process at once with the given status, skipping atexit and unflushed output handling.
import atexit
import os
import sys

atexit.register(print, "not printed")
print("flushed before os._exit")
sys.stdout.flush()
os._exit(11)
