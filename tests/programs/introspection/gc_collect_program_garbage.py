# Checks: gc.collect() frees the program's cyclic garbage, running finalizers and weak reference callbacks during the collection, also for cycles that refer to or hang from modules start-up imported; before and after gc.get_objects() has been called.
import gc
import os
import weakref


class Cycle:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print("finalizing", self.name)


def collect(label):
    print("collect", label)
    found = gc.collect()
    print("found some:", found > 0, "garbage", gc.garbage)


# Only the explicit collections are checked: an automatic one, run when the count of
# allocations passes the threshold, would find the garbage first wherever the
# interpreter itself allocates enough between the `del` and `collect()` (pvm, when it
# decodes or translates `collect` at its first call, at -X jit-threshold=0).
gc.disable()
gc.collect()
cycle = Cycle("plain cycle")
del cycle
collect("a plain cycle")

cycle = Cycle("refers to os")
cycle.module = os
del cycle
collect("a cycle that refers to os")

os.kept_by_program = Cycle("held by os")
print("still alive after a collection:", end=" ")
gc.collect()
print(os.kept_by_program.name)
del os.kept_by_program
collect("a cycle os held")


class Target:
    pass


target = Target()
target.me = target
reference = weakref.ref(target, lambda ref: print("callback, referent gone:", ref() is None))
del target
collect("a cycle with a weak reference")

gc.get_objects()
cycle = Cycle("after get_objects")
del cycle
collect("after get_objects")
gc.enable()
print("disabled, then enabled:", gc.isenabled(), end=" ")
gc.disable()
print(gc.isenabled(), end=" ")
gc.enable()
print(gc.isenabled())
