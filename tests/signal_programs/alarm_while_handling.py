# SIGALRM raises while the program handles another exception: its except and
# finally clauses must still run.
import signal

class Alarm(Exception):
    pass

def handler(signum, frame):
    raise Alarm("from %s" % frame.f_code.co_name)

signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.05)
log = []
def work():
    try:
        try:
            raise ValueError("first")
        except ValueError:
            while True:
                log.append(1)
                del log[:]
        finally:
            print("inner finally")
    except Alarm as error:
        print("caught", error, type(error.__context__).__name__)
    finally:
        print("outer finally")
work()
try:
    try:
        raise KeyError("k")
    except KeyError:
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        n = 0
        while True:
            n += 1
finally:
    print("module finally")
