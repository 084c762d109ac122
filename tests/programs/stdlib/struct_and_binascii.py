# Checks: struct pack/unpack, binascii and base64 encoding.
import base64
import binascii
import struct

packed = struct.pack("<HIf", 1, 2, 3.5)
print(packed, struct.unpack("<HIf", packed), struct.calcsize("<HIf"), struct.calcsize("@HIf"))
print(struct.pack(">q", -2), struct.unpack("!4s", b"abcd"))
print(base64.b64encode(b"hello world"), base64.b64decode("aGVsbG8="), base64.urlsafe_b64encode(b"\xff\xfe"))
print(binascii.hexlify(b"\x00\x10"), binascii.crc32(b"pvm"), base64.b32encode(b"ab"))
