# Checks: at exit, non-daemon threads are joined, then atexit callbacks run (module globals intact), then __main__'s objects finalize; a module that registers an at-fork hook (random) does not keep them alive.
import atexit
import random
import threading
import time

GREETING = "atexit sees globals"


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalising", self.name)


def work():
    time.sleep(0.3)
    print("thread done")


def at_exit(label):
    print(label, GREETING, len(kept))


atexit.register(at_exit, "first registered")
atexit.register(at_exit, "last registered")
threading.Thread(target=work).start()
kept = [Noisy("in a list")]
alone = Noisy("alone")
print("main done", random.random() < 1)
