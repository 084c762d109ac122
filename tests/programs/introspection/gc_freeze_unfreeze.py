# Checks: the program's gc.freeze() and gc.unfreeze(), called before anything lists the collector's objects: the freeze count, frozen objects (start-up's too) left out of gc.get_objects() and gc.get_referrers() but still tracked, objects made after the freeze listed, all listed again after gc.unfreeze().
import gc
import os

print("freeze count", gc.get_freeze_count())
before = [1, 2]
holder = {"before": before}
gc.freeze()
print("frozen some:", gc.get_freeze_count() > 0)
after = [3]
listed = {id(item) for item in gc.get_objects()}
print("listed: before", id(before) in listed, "after", id(after) in listed,
      "os namespace", id(vars(os)) in listed)
del listed
print("tracked: before", gc.is_tracked(before), "os namespace", gc.is_tracked(vars(os)))
print("holder found as a referrer:", any(item is holder for item in gc.get_referrers(before)))
print("referents still given:", any(item is before for item in gc.get_referents(holder)))
gc.freeze()
print("frozen some:", gc.get_freeze_count() > 0)
gc.unfreeze()
print("freeze count", gc.get_freeze_count())
listed = {id(item) for item in gc.get_objects()}
print("listed: before", id(before) in listed, "after", id(after) in listed,
      "os namespace", id(vars(os)) in listed)
del listed
print("holder found as a referrer:", any(item is holder for item in gc.get_referrers(before)))
gc.unfreeze()
print("freeze count", gc.get_freeze_count())
try:
    gc.freeze(1)
except TypeError as error:
    print("TypeError:", error)
try:
    gc.get_freeze_count(1)
except TypeError as error:
    print("TypeError:", error)
try:
    gc.get_objects(generation=3)
except ValueError as error:
    print("ValueError:", error)
