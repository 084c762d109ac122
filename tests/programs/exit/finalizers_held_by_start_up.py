# Checks: at exit, after the atexit callbacks, the program's objects that modules start-up imported (os, site) hold are finalized as those modules are cleared, the latest imported first; the one only __main__ holds is not (the class os held kept __main__'s namespace past the collection).
import atexit
import os
import site


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalising", self.name)


os.kept_by_program = Noisy("held by os")
site.kept_by_program = Noisy("held by site")
in_main = Noisy("in __main__")
atexit.register(print, "atexit callback")
print("main done")
