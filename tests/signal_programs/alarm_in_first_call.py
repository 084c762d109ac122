# SIGALRM during a host call that waits (time.sleep), made by a function the first
# time its instructions run: the handler runs in the call, whose exception ends the
# wait, as in CPython.  (A function's handlers are made as its instructions first run,
# by a stand-in between the loop and the handler: pvm.engine.decode.lazy_handlers.)
import signal
import time


def handler(signum, frame):
    raise RuntimeError("alarm at line %d of %s" % (frame.f_lineno, frame.f_code.co_name))


def wait(seconds):
    started = time.monotonic()
    try:
        time.sleep(seconds)
    except RuntimeError as error:
        print(error, "- the wait ended early:", time.monotonic() - started < 4)


def wait_on_a_branch(seconds, branch):
    if branch:
        started = time.monotonic()
        try:
            time.sleep(seconds)
        except RuntimeError as error:
            print(error, "- the wait ended early:", time.monotonic() - started < 4)


signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.1)
wait(5)
wait_on_a_branch(0, False)
signal.setitimer(signal.ITIMER_REAL, 0.1)
wait_on_a_branch(5, True)


def wait_after_a_join(seconds, branch):
    # The call is where the two ways of the conditional expression join: reached by a
    # jump, its handler is first made and run by the stand-in.
    started = time.monotonic()
    try:
        time.sleep(seconds if branch else 0)
    except RuntimeError as error:
        print(error, "- the wait ended early:", time.monotonic() - started < 4)


signal.setitimer(signal.ITIMER_REAL, 0.1)
wait_after_a_join(5, True)
