# Checks: linecache: getline/getlines on a temp file, cache invalidation with checkcache, lazy module source.
import linecache
import os
import tempfile

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "source.txt")
    with open(path, "w") as file:
        file.write("alpha\nbeta\ngamma\n")
    print(repr(linecache.getline(path, 2)), repr(linecache.getline(path, 9)), len(linecache.getlines(path)))
    with open(path, "w") as file:
        file.write("changed first line and longer\n")
    print(repr(linecache.getline(path, 1)))
    linecache.checkcache(path)
    print(repr(linecache.getline(path, 1)))
    linecache.clearcache()
    print(linecache.getline(os.path.join(folder, "missing.py"), 1) == "")
this_file = os.path.basename(__file__)
print(repr(linecache.getline(__file__, 1)))
linecache.cache["<virtual>"] = (7, None, ["first\n", "second\n"], "<virtual>")
print(repr(linecache.getline("<virtual>", 2)))
print(linecache.lazycache("<nothing>", {}), this_file)
