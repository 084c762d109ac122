# Checks: a trace function that raises stops tracing for the thread, and the exception comes
# out of the traced code where the event was; tracing in a thread started by
# threading.settrace.
import sys
import threading


class Stop(Exception):
    pass


def raising(frame, event, argument):
    if event == "line" and frame.f_code.co_name == "victim":
        raise Stop("from the tracer at line %d" % frame.f_lineno)
    return raising


def victim():
    x = 1
    return x


sys.settrace(raising)
try:
    victim()
except Stop as error:
    print("raised:", error)
print("tracer after:", sys.gettrace())

names = []


def thread_tracer(frame, event, argument):
    if event == "call":
        names.append(frame.f_code.co_name)
    return None


def work():
    return sum(range(3))


threading.settrace(thread_tracer)
thread = threading.Thread(target=work)
thread.start()
thread.join()
threading.settrace(None)
print("work" in names, sys.gettrace())
