# Checks: at exit, the program's objects are finalized or not as CPython's are when a generic alias of the program's class sits in typing's caches (which hold __main__'s namespace through the class's methods): held by an annotation, by a name of __main__.
import typing


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalising", self.name, GREETING)


GREETING = "with globals"
annotated: typing.List[Noisy] = []
ALIAS = typing.Dict[str, Noisy]
kept = Noisy("in __main__")
print("main done")
