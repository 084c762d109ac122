# Checks: gzip: compress/decompress with a fixed mtime, GzipFile on BytesIO, text mode files in a temp dir.
import gzip
import io
import os
import tempfile

payload = b"pvm " * 500
compressed = gzip.compress(payload, compresslevel=9, mtime=0)
print(len(payload), compressed[:10], gzip.decompress(compressed) == payload)
buffer = io.BytesIO()
with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="") as file:
    file.write(b"line one\n")
    file.write(b"line two\n")
raw = buffer.getvalue()
print(raw[:4], len(raw))
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as file:
    print(file.readline(), file.read(), file.tell())
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "notes.txt.gz")
    with gzip.open(path, "wt", encoding="utf-8") as file:
        file.write("héllo\nworld\n")
    with gzip.open(path, "rt", encoding="utf-8") as file:
        print(file.readlines())
    with gzip.open(path, "rb") as file:
        file.seek(3)
        print(file.read(4), file.name.endswith("notes.txt.gz"))
try:
    gzip.decompress(b"not gzip data")
except gzip.BadGzipFile as error:
    print("BadGzipFile:", error)
try:
    gzip.decompress(compressed[:-4])
except EOFError as error:
    print("EOFError:", error)
