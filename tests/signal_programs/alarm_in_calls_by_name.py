# SIGALRM during a host call that waits, called by its name (CALL, whose code that runs
# once picks its body among CALL's variants: tier0.cold_any_CALL) and as a module's
# method (CALL_METHOD, the same): the handler runs in the call, as in CPython.
import signal
import time
from time import monotonic, sleep


def handler(signum, frame):
    raise RuntimeError("alarm at line %d of %s" % (frame.f_lineno, frame.f_code.co_name))


signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.1)
started = monotonic()
try:
    sleep(5)
except RuntimeError as error:
    print(error, "- the wait ended early:", monotonic() - started < 4)


signal.setitimer(signal.ITIMER_REAL, 0.1)
started = monotonic()
try:
    time.sleep(5)
except RuntimeError as error:
    print(error, "- the wait ended early:", monotonic() - started < 4)
