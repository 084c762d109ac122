# Checks: hmac: new/update/hexdigest, digest(), compare_digest, copy, several digest constructors.
import hashlib
import hmac

key = b"secret-key"
message = b"important message"
mac = hmac.new(key, message, hashlib.sha256)
print(mac.hexdigest(), mac.name, mac.digest_size, mac.block_size)
incremental = hmac.new(key, digestmod="sha1")
incremental.update(b"important ")
copy = incremental.copy()
incremental.update(b"message")
print(incremental.hexdigest(), copy.hexdigest() != incremental.hexdigest())
print(hmac.digest(key, message, "md5").hex(), hmac.new(b"k" * 200, b"", "sha512").hexdigest()[:40])
print(hmac.compare_digest(mac.hexdigest(), hmac.new(key, message, "sha256").hexdigest()), hmac.compare_digest(b"a", b"b"))
try:
    hmac.new(key)
except TypeError as error:
    print("TypeError:", error)
