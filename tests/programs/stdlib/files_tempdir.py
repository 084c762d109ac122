# Checks: writing and reading files in a temporary directory; os.path functions; pathlib.
import os
import pathlib
import tempfile

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "notes.txt")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("alpha\nbeta\ngamma\n")
    with open(path, encoding="utf-8") as handle:
        print([line.rstrip() for line in handle])
    with open(path, "a") as handle:
        print("delta", file=handle)
    with open(path, "rb") as handle:
        print(handle.read())
    target = pathlib.Path(folder) / "sub" / "data.bin"
    target.parent.mkdir()
    target.write_bytes(b"\x00\x01")
    print(target.name, target.suffix, target.stem, target.read_bytes(), target.exists())
    print(sorted(p.name for p in pathlib.Path(folder).iterdir()), os.path.getsize(path))
    print(os.path.splitext("archive.tar.gz"), os.path.basename("/a/b/c.py"), os.path.join("a", "b"))
print(os.path.exists(path))
