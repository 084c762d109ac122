# Checks: a frame's f_trace set from outside (as bdb's set_trace does for the frames up the
# stack) gets line events once sys.settrace is on; f_trace_lines=False silences them; a
# local trace function returned from 'call' replaces itself by what it returns.
import sys

seen = []


def local(frame, event, argument):
    seen.append(("local", event, frame.f_code.co_name, frame.f_lineno))
    return local


def global_tracer(frame, event, argument):
    seen.append(("global", event, frame.f_code.co_name, frame.f_lineno))
    return None


def inner():
    a = 1
    b = 2
    return a + b


def quiet():
    frame = sys._getframe()
    frame.f_trace_lines = False
    x = 1
    return x


def outer():
    frame = sys._getframe()
    frame.f_trace = local
    sys.settrace(global_tracer)
    value = inner()
    value += quiet()
    sys.settrace(None)
    return value


print(outer())
for entry in seen:
    print(*entry)
print(sys._getframe().f_trace, sys._getframe().f_trace_lines, sys._getframe().f_trace_opcodes)
try:
    sys._getframe().f_trace_lines = 1
except TypeError as error:
    print("TypeError:", error)
