# Checks: lzma: compress/decompress in xz and alone formats, incremental objects, filters, errors.
import io
import lzma

payload = b"pvm lzma " * 300
for format_ in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    compressed = lzma.compress(payload, format=format_)
    print(format_, compressed[:6].hex(), lzma.decompress(compressed) == payload)
raw = lzma.compress(payload, format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2, "preset": 1}])
print(lzma.decompress(raw, format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2, "preset": 1}]) == payload)
compressor = lzma.LZMACompressor()
pieces = compressor.compress(payload[:100]) + compressor.compress(payload[100:]) + compressor.flush()
decompressor = lzma.LZMADecompressor()
print(decompressor.decompress(pieces[:50]) + decompressor.decompress(pieces[50:]) == payload, decompressor.eof)
print(lzma.is_check_supported(lzma.CHECK_SHA256), lzma.CHECK_CRC64)
buffer = io.BytesIO()
with lzma.LZMAFile(buffer, "wb", check=lzma.CHECK_CRC32) as file:
    file.write(b"hello\nworld\n")
buffer.seek(0)
with lzma.open(buffer, "rt") as file:
    print(file.readlines())
try:
    lzma.decompress(b"not xz")
except lzma.LZMAError as error:
    print("LZMAError:", error)
