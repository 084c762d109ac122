# Checks: uuid: uuid3/uuid5 name-based UUIDs, parsing, fields, variants, comparisons, bytes forms.
import uuid

for namespace in (uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500):
    print(uuid.uuid3(namespace, "python.org"), uuid.uuid5(namespace, "python.org"))
value = uuid.UUID("{12345678-1234-5678-1234-567812345678}")
print(value, repr(value), value.hex, value.int, value.version, value.variant, value.urn)
print(value.fields, value.time_low, value.node, value.bytes, value.bytes_le)
print(uuid.UUID(bytes=value.bytes) == value, uuid.UUID(int=1), uuid.UUID(fields=value.fields) == value, value < uuid.UUID(int=2 ** 127))
print(uuid.UUID("00000000-0000-0000-0000-000000000000").variant, uuid.UUID(int=(1 << 128) - 1).variant, uuid.UUID(int=0, version=4))
print(uuid.UUID("a8098c1a-f86e-11da-bd1a-00112444be1e").time, hash(value) == hash(uuid.UUID(str(value))))
for bad in ("not-a-uuid", "12345678-1234-5678-1234-56781234567"):
    try:
        uuid.UUID(bad)
    except ValueError as error:
        print("ValueError:", error)
try:
    value.hex = "x"
except TypeError as error:
    print("TypeError:", error)
