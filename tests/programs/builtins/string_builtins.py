# Checks: chr, ord, ascii, repr, format, bin, oct, hex, str() with encodings.
print(chr(65), chr(0x1F600).encode("utf-8"), ord("A"), ord("€"), ascii("naïve"), repr("it's"))
print(format(255, "08b"), format(3.14159, ".2e"), format("x", "^5"), bin(10), oct(64), hex(4096))
print(str(b"abc", "ascii"), str(bytearray(b"xyz"), encoding="utf-8"), bytes("é", "utf-8"))
try:
    chr(-1)
except ValueError as error:
    print("ValueError:", error)
try:
    ord("ab")
except TypeError as error:
    print("TypeError:", error)
