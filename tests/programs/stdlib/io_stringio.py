# Checks: io.StringIO and io.BytesIO as files; print(file=...); redirect_stdout with contextlib.
import contextlib
import io

buffer = io.StringIO()
print("first", 1, sep="|", end="!\n", file=buffer)
buffer.write("second line\n")
print(repr(buffer.getvalue()))
buffer.seek(0)
print(buffer.readline().strip(), buffer.read().strip())
captured = io.StringIO()
with contextlib.redirect_stdout(captured):
    print("captured text")
print("got", repr(captured.getvalue()))
binary = io.BytesIO(b"line one\nline two\n")
print(binary.readlines(), binary.tell())
for line in io.StringIO("a\nb\n"):
    print(repr(line))
