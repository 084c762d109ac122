# Checks: struct: pack/unpack with byte orders and formats, calcsize, Struct objects, pack_into/iter_unpack, errors.
import struct

print(struct.pack("<I", 1), struct.pack(">I", 1), struct.pack("!hHbB", -2, 65535, -1, 255), struct.pack("<?xc", True, b"z"))
print(struct.unpack("<qd", struct.pack("<qd", -(2 ** 62), 2.5)), struct.pack("<f", 1.5), struct.pack("<e", 0.5))
print(struct.calcsize("<iHc"), struct.calcsize("@iHc"), struct.calcsize("=10s3x"), struct.pack("5s", b"ab"), struct.pack("3p", b"abcd"))
record = struct.Struct("<10sHf")
packed = record.pack(b"name", 7, 0.25)
print(record.size, record.format, packed, record.unpack(packed))
buffer = bytearray(12)
struct.pack_into("<HI", buffer, 2, 513, 70000)
print(bytes(buffer), struct.unpack_from("<I", buffer, 4), list(struct.iter_unpack("<H", b"\x01\x00\x02\x00")))
for bad in (lambda: struct.pack("<B", 256), lambda: struct.unpack("<I", b"ab"), lambda: struct.pack("z", 1), lambda: struct.pack("<h", "x")):
    try:
        bad()
    except struct.error as error:
        print("error:", error)
