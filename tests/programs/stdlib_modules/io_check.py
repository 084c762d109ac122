# Checks: io: StringIO, BytesIO, TextIOWrapper over BytesIO, BufferedReader, newline handling, errors.
import io

text = io.StringIO("first\nsecond\r\nthird")
print(text.readline(), text.read(3), text.tell(), text.readlines())
text.seek(0)
text.write("FIRST")
print(repr(text.getvalue()), text.seekable(), text.closed)
binary = io.BytesIO(b"0123456789")
binary.seek(-3, io.SEEK_END)
print(binary.read(), binary.seek(2), binary.read(2), binary.getbuffer().nbytes)
binary.truncate(5)
print(binary.getvalue(), binary.readinto(bytearray(3)))
raw = io.BytesIO("héllo\r\nwörld\n".encode("utf-8"))
wrapper = io.TextIOWrapper(raw, encoding="utf-8", newline=None)
print(wrapper.readlines(), wrapper.encoding)
out = io.BytesIO()
writer = io.TextIOWrapper(out, encoding="utf-16-le", newline="\r\n")
writer.write("a\nb")
writer.flush()
print(out.getvalue())
buffered = io.BufferedReader(io.BytesIO(b"abcdefgh"), buffer_size=4)
print(buffered.peek(2)[:2], buffered.read(3), buffered.read1(10), buffered.read())
pair = io.BufferedRWPair(io.BytesIO(b"in"), io.BytesIO())
print(pair.read(), pair.writable())
closed = io.StringIO("x")
closed.close()
try:
    closed.read()
except ValueError as error:
    print("ValueError:", error)
try:
    io.StringIO().write(b"bytes")
except TypeError as error:
    print("TypeError:", error)


class Upper(io.TextIOBase):
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text.upper())
        return len(text)


upper = Upper()
print("through", "a custom stream", file=upper)
print(upper.parts, isinstance(upper, io.IOBase), io.DEFAULT_BUFFER_SIZE)
print(io.open is open, issubclass(io.StringIO, io.TextIOBase), io.UnsupportedOperation.__mro__[1:3])
