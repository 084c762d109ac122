# Checks: codecs: lookup, encode/decode with errors handlers, incremental codecs, BOMs, stream reader.
import codecs
import io

text = "naïve café – ☃"
for encoding in ("utf-8", "utf-16-le", "latin-1", "ascii", "cp1252", "utf-32-be", "idna"):
    for errors in ("strict", "replace", "ignore", "xmlcharrefreplace", "backslashreplace"):
        try:
            print(encoding, errors, codecs.encode(text, encoding, errors))
        except UnicodeError as error:
            print(encoding, errors, type(error).__name__, error)
print(codecs.lookup("UTF8").name, codecs.lookup("latin_1").name)
print(codecs.decode(b"\xff\xfeh\x00i\x00", "utf-16"), codecs.BOM_UTF8, codecs.BOM_UTF16_LE)
print(codecs.encode("hello", "rot13"), codecs.decode(b"68656c6c6f", "hex"))
print(codecs.encode(b"abc", "base64"), codecs.decode(b"x\x9c\xcbH\xcd\xc9\xc9\x07\x00\x06,\x02\x15", "zlib"))
decoder = codecs.getincrementaldecoder("utf-8")()
pieces = [decoder.decode(bytes([byte])) for byte in "é☃".encode()]
print(pieces, decoder.decode(b"", final=True))
encoder = codecs.getincrementalencoder("utf-16")()
print(encoder.encode("a"), encoder.encode("b"))
reader = codecs.getreader("utf-8")(io.BytesIO("line one\nline two ☃\n".encode()))
print(reader.readlines())
writer_stream = io.BytesIO()
writer = codecs.getwriter("latin-1")(writer_stream)
writer.write("Grüße")
print(writer_stream.getvalue())
try:
    b"\xc3(".decode("utf-8")
except UnicodeDecodeError as error:
    print(error.encoding, error.start, error.end, error.reason)


def handler(error):
    return ("<%d>" % ord(error.object[error.start]), error.end)


codecs.register_error("angle", handler)
print("a☃b".encode("ascii", "angle"))
try:
    codecs.lookup("no-such-codec")
except LookupError as error:
    print("LookupError:", error)
