# Checks: glob: patterns, recursive **, hidden files, escape, iglob, root_dir, in a temporary directory.
import glob
import os
import tempfile

with tempfile.TemporaryDirectory() as folder:
    for relative in ("a.txt", "b.py", ".hidden.txt", "sub/c.txt", "sub/deep/d.txt", "sub/deep/e.py", "x[1].txt"):
        path = os.path.join(folder, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as file:
            file.write(relative)
    print(sorted(glob.glob("*.txt", root_dir=folder)))
    print(sorted(glob.glob("**/*.txt", root_dir=folder, recursive=True)))
    print(sorted(glob.glob("**", root_dir=folder, recursive=True)))
    print(sorted(glob.glob("*/*/*.py", root_dir=folder)), sorted(glob.glob("?.py", root_dir=folder)))
    print(sorted(glob.glob(glob.escape("x[1].txt"), root_dir=folder)), sorted(glob.glob("x[1].txt", root_dir=folder)))
    full = sorted(os.path.relpath(path, folder) for path in glob.iglob(os.path.join(folder, "sub", "**"), recursive=True))
    print(full)
    print(sorted(glob.glob(".*", root_dir=folder)), glob.has_magic("a*"), glob.has_magic("plain"))
    print(glob.glob("nothing*", root_dir=folder))
