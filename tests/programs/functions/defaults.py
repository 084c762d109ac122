# Checks: default argument values: evaluated once, shared mutable defaults, None idiom.
counter = 10


def with_default(a, b=counter, c="c"):
    return a, b, c


counter = 20
print(with_default(1), with_default(1, 2), with_default(1, c=3), with_default(a=0))


def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket


print(append_to(1), append_to(2), append_to(3, []))


def safe_append(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket


print(safe_append(1), safe_append(2))
print(with_default.__defaults__, append_to.__defaults__)
with_default.__defaults__ = (5, 6)
print(with_default(0))
