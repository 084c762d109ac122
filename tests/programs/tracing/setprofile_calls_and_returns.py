# Checks: sys.setprofile reports 'call' and 'return' for functions, a generator's every
# resume and yield, and a frame left by an exception; getprofile; a profile function that
# raises is removed. (Only those events are compared: pvm does not report 'c_call' yet.)
import sys

seen = []


def profiler(frame, event, argument):
    if event in ("call", "return") and frame.f_code.co_filename == __file__:
        seen.append((event, frame.f_code.co_name, frame.f_lineno,
                     argument if event == "return" else None))


def add(a, b):
    return a + b


def counting():
    yield 1
    yield 2


def failing():
    raise KeyError("no")


sys.setprofile(profiler)
add(1, 2)
list(counting())
try:
    failing()
except KeyError:
    pass
print(sys.getprofile() is profiler)
sys.setprofile(None)
for entry in seen:
    print(*entry)


def raising_profiler(frame, event, argument):
    raise RuntimeError("profiler failed on " + event)


sys.setprofile(raising_profiler)
try:
    add(3, 4)
except RuntimeError as error:
    print("raised:", error)
print(sys.getprofile())
