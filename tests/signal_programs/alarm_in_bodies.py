# SIGALRM during a host call that waits (time.sleep), made by a module body and by a
# class body: the handler runs in the call, whose exception ends the wait, as in
# CPython.  (Bodies run undecoded the first time: pvm.engine.interpreter.run_once.)
import signal
import time


def handler(signum, frame):
    raise RuntimeError("alarm at line %d of %s" % (frame.f_lineno, frame.f_code.co_name))


signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.1)
started = time.monotonic()
try:
    time.sleep(5)
except RuntimeError as error:
    print(error, "- the wait ended early:", time.monotonic() - started < 4)


class Waiting:
    signal.setitimer(signal.ITIMER_REAL, 0.1)
    started = time.monotonic()
    try:
        time.sleep(5)
    except RuntimeError as error:
        print(error, "- the wait ended early:", time.monotonic() - started < 4)
