# Checks: hashlib: digests of several algorithms, incremental update, copy, pbkdf2, scrypt-free blake2 options.
import hashlib
import io

data = b"The quick brown fox jumps over the lazy dog"
for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "blake2b", "blake2s"):
    digest = hashlib.new(name, data)
    print(name, digest.digest_size, digest.block_size, digest.hexdigest()[:32])
incremental = hashlib.sha256()
for chunk in (data[:10], data[10:20], data[20:]):
    incremental.update(chunk)
print(incremental.hexdigest() == hashlib.sha256(data).hexdigest(), incremental.name)
partial = hashlib.md5(b"abc")
clone = partial.copy()
clone.update(b"def")
print(partial.hexdigest(), clone.hexdigest())
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
print(hashlib.blake2b(b"x", digest_size=16, key=b"k", salt=b"s", person=b"p").hexdigest())
print(hashlib.shake_128(data).hexdigest(10), hashlib.sha256(usedforsecurity=False).hexdigest()[:8])
print(sorted(name for name in hashlib.algorithms_guaranteed))
print(hashlib.file_digest(io.BytesIO(data), "sha1").hexdigest())
try:
    hashlib.new("nope")
except ValueError as error:
    print("ValueError:", error)
try:
    hashlib.sha256("text")
except TypeError as error:
    print("TypeError:", error)
