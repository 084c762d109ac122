# Checks: tempfile: TemporaryDirectory, NamedTemporaryFile, mkstemp/mkdtemp, SpooledTemporaryFile rollover, cleanup.
import os
import tempfile

with tempfile.TemporaryDirectory(prefix="pvm-", suffix="-test") as folder:
    name = os.path.basename(folder)
    print(name.startswith("pvm-"), name.endswith("-test"), os.path.isdir(folder))
    with tempfile.NamedTemporaryFile("w+", dir=folder, suffix=".txt", delete=False) as handle:
        handle.write("hello")
        handle.seek(0)
        print(handle.read(), handle.name.endswith(".txt"), os.path.dirname(handle.name) == folder)
    print(os.path.exists(handle.name))
    descriptor, path = tempfile.mkstemp(dir=folder, prefix="raw")
    os.write(descriptor, b"bytes")
    os.close(descriptor)
    print(open(path, "rb").read(), os.path.basename(path).startswith("raw"))
    sub = tempfile.mkdtemp(dir=folder)
    print(os.path.isdir(sub), len(os.listdir(folder)))
    with tempfile.TemporaryFile(dir=folder) as anonymous:
        anonymous.write(b"anon")
        anonymous.seek(0)
        print(anonymous.read())
saved = folder
print(os.path.exists(saved))
spooled = tempfile.SpooledTemporaryFile(max_size=10, mode="w+")
spooled.write("short")
print(spooled._rolled)
spooled.write(" and now longer than ten")
print(spooled._rolled)
spooled.seek(0)
print(spooled.read())
spooled.close()
directory = tempfile.TemporaryDirectory()
path = directory.name
directory.cleanup()
print(os.path.exists(path), os.path.isdir(tempfile.gettempdir()), tempfile.gettempprefix())
