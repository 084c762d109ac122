# Ctrl-C (here sent by the program to itself) while an exception is being handled:
# KeyboardInterrupt comes from the call that sent it, and every except and finally
# clause around it runs.
import os
import signal
import time

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
try:
    try:
        raise ValueError("first")
    except ValueError:
        os.kill(os.getpid(), signal.SIGINT)
        print("not reached")
    finally:
        print("finally")
except KeyboardInterrupt as error:
    print("interrupted", type(error.__context__).__name__)


def handler(signum, frame):
    print("handler gets the guest frame:", frame.f_code.co_name, frame.f_globals is globals())
    raise TimeoutError("alarm")


def wait():
    started = time.monotonic()
    try:
        time.sleep(5)
    except TimeoutError as error:
        print("sleep cut short:", error, time.monotonic() - started < 2)


print(signal.signal(signal.SIGALRM, handler))
print(signal.getsignal(signal.SIGALRM) is handler)
signal.setitimer(signal.ITIMER_REAL, 0.1)
wait()
