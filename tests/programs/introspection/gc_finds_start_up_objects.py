# Checks: gc.get_objects(), gc.get_referrers(), gc.get_referents() and gc.is_tracked() find the program's objects and those start-up made (the modules site imported, sys.path, sys.modules), and the freeze count is 0 when the program froze nothing.
import gc
import os
import posixpath
import site
import sys


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []


root = Node("root")
root.children.append(Node("leaf"))
print("freeze count", gc.get_freeze_count())

# Before anything lists the collector's objects: tracked or not.
for label, item in [("os namespace", vars(os)), ("site function", site.addsitedir),
                    ("sys.path", sys.path), ("program instance", root),
                    ("program class", Node), ("an int", 7), ("a str", "text"),
                    ("the empty tuple", ())]:
    print("tracked:", label, gc.is_tracked(item))

print("referents of sys's namespace hold sys.path:",
      any(item is sys.path for item in gc.get_referents(vars(sys))))
print("referents of the node's namespace hold its children:",
      any(item is root.children for item in gc.get_referents(vars(root))))

listed = {id(item) for item in gc.get_objects()}
for label, item in [("program list", root.children), ("program instance", root),
                    ("program class", Node), ("os namespace", vars(os)),
                    ("site function", site.addsitedir), ("sys.path", sys.path),
                    ("sys.modules", sys.modules), ("an int", 7)]:
    print("listed:", label, id(item) in listed)
del listed

print("posixpath's namespace refers to posixpath.join:",
      any(item is vars(posixpath) for item in gc.get_referrers(posixpath.join)))
print("sys's namespace refers to sys.path:",
      any(item is vars(sys) for item in gc.get_referrers(sys.path)))
print("the node's namespace refers to its children:",
      any(item is vars(root) for item in gc.get_referrers(root.children)))
print("freeze count", gc.get_freeze_count())
