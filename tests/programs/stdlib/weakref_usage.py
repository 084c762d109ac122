# Checks: weakref.ref and WeakValueDictionary with guest objects, callbacks on collection.
import gc
import weakref


class Resource:
    def __init__(self, name):
        self.name = name


resource = Resource("db")
reference = weakref.ref(resource, lambda ref: print("callback: collected"))
print(reference() is resource, reference().name)
del resource
gc.collect()
print(reference())
cache = weakref.WeakValueDictionary()
kept = Resource("kept")
cache["kept"] = kept
cache["temp"] = Resource("temp")
gc.collect()
print(sorted(cache.keys()))
