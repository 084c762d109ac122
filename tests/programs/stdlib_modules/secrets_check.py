# Checks: secrets: token lengths and alphabets, randbelow range, compare_digest (no random values printed).
import secrets
import string

print(len(secrets.token_bytes(16)), len(secrets.token_hex(16)), len(secrets.token_urlsafe(16)))
print(all(character in string.hexdigits for character in secrets.token_hex()), len(secrets.token_bytes()))
print(set(secrets.token_urlsafe(64)) <= set(string.ascii_letters + string.digits + "-_"))
print(all(0 <= secrets.randbelow(10) < 10 for _ in range(50)), secrets.choice("aaa"), secrets.randbits(0))
print(secrets.compare_digest("abc", "abc"), secrets.compare_digest(b"abc", b"abd"), type(secrets.SystemRandom()).__name__)
try:
    secrets.randbelow(0)
except ValueError as error:
    print("ValueError:", error)
