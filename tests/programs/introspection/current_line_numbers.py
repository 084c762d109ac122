# Checks: the line number of the running frame, read without a call on the line
# (f_lineno, f_lasti moving forward, inspect.currentframe, traceback.extract_stack).
import inspect
import sys
import traceback


def lines():
    frame = sys._getframe()
    seen = []
    for step in range(3):
        seen.append(frame.f_lineno)
    seen.append(frame.f_lineno); first_lasti = frame.f_lasti
    later_lasti = frame.f_lasti
    seen.append(inspect.currentframe().f_lineno)
    print(seen, later_lasti > first_lasti)
    stack = traceback.extract_stack()
    print([(entry.name, entry.lineno, entry.line) for entry in stack[-2:]])


def generator():
    frame = sys._getframe()
    yield frame.f_lineno
    yield frame.f_lineno


lines()
running = generator()
print(next(running), running.gi_frame.f_lineno, next(running), running.gi_frame.f_lineno)
