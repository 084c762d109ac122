# Checks: bytes and bytearray operations, encoding and decoding.
data = b"hello\x00\xff"
print(data, len(data), data[0], data[-1], data[1:3], list(data[:3]))
print(data.hex(), bytes.fromhex("de ad be ef"), data.upper(), data.split(b"l"))
print(b"abc" + b"def", b"ab" * 3, b"b" in b"abc", 98 in b"abc")
buffer = bytearray(b"abc")
buffer.append(100)
buffer.extend(b"ef")
buffer[0] = 65
del buffer[1]
print(buffer, bytes(buffer), buffer.pop(), buffer)
print("héllo".encode("utf-8"), "héllo".encode("latin-1"), b"h\xc3\xa9".decode())
print(bytes(3), bytes([65, 66]), bytes(range(5)), repr(b"'\""))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as error:
    print("UnicodeDecodeError:", error)
print("é".encode("ascii", "replace"), b"\xff".decode("utf-8", "replace"))
print(memoryview(b"abcdef")[1:4].tobytes(), bytes(memoryview(bytearray(b"xy"))))
