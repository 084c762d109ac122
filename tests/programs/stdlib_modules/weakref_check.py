# Checks: weakref: ref callbacks, proxies, WeakValueDictionary, WeakKeyDictionary, WeakSet, finalize, WeakMethod.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return "hi " + self.name

    def __repr__(self):
        return f"Node({self.name})"


events = []
node = Node("a")
reference = weakref.ref(node, lambda dead: events.append("callback"))
print(reference() is node, weakref.getweakrefcount(node), len(weakref.getweakrefs(node)))
del node
gc.collect()
print(reference(), events)
target = Node("b")
proxy = weakref.proxy(target)
print(proxy.name, proxy.greet())
del target
gc.collect()
try:
    proxy.name
except ReferenceError as error:
    print("ReferenceError:", error)
cache = weakref.WeakValueDictionary()
keep = Node("kept")
cache["kept"] = keep
cache["temporary"] = Node("temporary")
gc.collect()
print(sorted(cache.keys()), cache.get("temporary"))
metadata = weakref.WeakKeyDictionary()
key = Node("key")
metadata[key] = "info"
print(len(metadata), metadata[key])
del key
gc.collect()
print(len(metadata))
members = weakref.WeakSet([keep, Node("gone")])
gc.collect()
print(len(members), keep in members)
finalized = []
item = Node("final")
finalizer = weakref.finalize(item, finalized.append, "finalized")
print(finalizer.alive)
del item
gc.collect()
print(finalized, finalizer.alive)
method = weakref.WeakMethod(keep.greet)
print(method()())
del keep
cache.clear()
members.clear()
gc.collect()
print(method(), len(cache))
try:
    weakref.ref(1)
except TypeError as error:
    print("TypeError:", error)
