# Checks: at exit, non-daemon threads are joined, then atexit callbacks run (module globals intact), then __main__'s objects finalize; a module that registers an at-fork hook (random) does not keep them alive.
import atexit
import random
import threading
import time

GREETING = "atexit sees globals"


class Noisy:
    finalised = []

    def __init__(self, name):
        self.name = name

    def __del__(self):
        # Both are finalized by the one garbage collection of __main__'s namespace at
        # shutdown, in the order of the collector's lists: CPython's own order changes
        # with the state of its collector (a gc.disable() before the end swaps them),
        # and pvm's objects are the host's, made in other numbers.  So the names are
        # printed together, once both have run.
        finalised = type(self).finalised
        finalised.append(self.name)
        if len(finalised) == 2:
            print("finalised", sorted(finalised))


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
