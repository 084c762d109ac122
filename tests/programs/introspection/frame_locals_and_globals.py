# Checks: frame f_locals of the current and calling functions, and f_lineno progression.
import sys


def show_locals():
    first = 1
    second = "two"
    frame = sys._getframe()
    print(sorted(frame.f_locals), frame.f_locals["second"])
    line_before = frame.f_lineno
    line_after = sys._getframe().f_lineno
    print(line_after - line_before)


show_locals()
