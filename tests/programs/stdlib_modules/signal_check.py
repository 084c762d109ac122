# Checks: signal: Python-level handlers for SIGUSR1 and SIGALRM-free raise_signal, enums, getsignal, default actions.
import signal

received = []


def handler(number, frame):
    received.append((signal.Signals(number).name, frame is not None))


previous = signal.signal(signal.SIGUSR1, handler)
print(previous is signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print(received)
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR1)
print(received, signal.getsignal(signal.SIGUSR1))
print(signal.SIGINT, repr(signal.SIGTERM), int(signal.SIGKILL), signal.Signals(2), signal.strsignal(signal.SIGINT))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.NSIG > 31)


def interrupt(number, frame):
    raise KeyboardInterrupt("from handler")


signal.signal(signal.SIGUSR2, interrupt)
try:
    signal.raise_signal(signal.SIGUSR2)
    print("not reached")
except KeyboardInterrupt as error:
    print("KeyboardInterrupt:", error)
try:
    signal.signal(signal.SIGKILL, handler)
except OSError as error:
    print("OSError:", error)
try:
    signal.signal(signal.SIGUSR1, 42)
except TypeError as error:
    print("TypeError:", error)
