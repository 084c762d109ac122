# Checks: base64: b64/urlsafe/b32/b16/b85/a85 encodings and decoding errors.
import base64
import binascii

data = bytes(range(0, 256, 7)) + b"pvm?>"
for name in ("b64", "urlsafe_b64", "b32", "b32hex", "b16", "b85", "a85"):
    encode = getattr(base64, name + "encode")
    decode = getattr(base64, name + "decode")
    encoded = encode(data)
    print(name, encoded, decode(encoded) == data)
print(base64.standard_b64encode(b"hello world"))
print(base64.encodebytes(b"x" * 80))
print(base64.decodebytes(b"eHl6\n"))
print(base64.a85encode(b"hello world", adobe=True, wrapcol=10))
try:
    base64.b64decode(b"abc", validate=True)
except binascii.Error as error:
    print("Error:", error)
try:
    base64.b32decode(b"A")
except binascii.Error as error:
    print("Error:", error)
print(base64.b64decode("aGk=", altchars=b"-_"))
