# Checks: stdout written before an uncaught exception is flushed and the traceback goes to stderr.
import sys

for number in range(3):
    print("line", number)
sys.stdout.write("no newline at end")
raise ValueError("after output")
