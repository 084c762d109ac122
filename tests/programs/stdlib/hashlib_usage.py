# Checks: hashlib digests of fixed data, incremental updates and hmac.
import hashlib
import hmac

print(hashlib.sha256(b"pvm").hexdigest())
digest = hashlib.md5()
for chunk in (b"a", b"b", b"c"):
    digest.update(chunk)
print(digest.hexdigest(), hashlib.md5(b"abc").hexdigest() == digest.hexdigest())
print(hmac.new(b"key", b"message", "sha1").hexdigest(), hashlib.sha1(b"").digest_size)
