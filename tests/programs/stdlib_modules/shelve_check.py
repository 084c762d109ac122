# Checks: shelve: a dumbdbm-backed shelf in a temp dir: store, reopen, writeback, keys, delete.
import dbm.dumb
import os
import shelve
import tempfile

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "store")
    with shelve.Shelf(dbm.dumb.open(path, "c")) as shelf:
        shelf["numbers"] = [1, 2, 3]
        shelf["config"] = {"name": "pvm", "level": 2}
        shelf["numbers"].append(4)
        print(shelf["numbers"], sorted(shelf.keys()), len(shelf), "config" in shelf)
    with shelve.Shelf(dbm.dumb.open(path, "w"), writeback=True) as shelf:
        shelf["numbers"].append(5)
        del shelf["config"]
        shelf["new"] = ("tuple", None)
    with shelve.Shelf(dbm.dumb.open(path, "r")) as shelf:
        print(sorted(shelf.items()), shelf.get("config", "gone"))
        try:
            shelf["x"] = 1
        except Exception as error:
            print(type(error).__name__, error)
    print(sorted(os.listdir(folder)))
