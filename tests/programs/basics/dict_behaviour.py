# Checks: dict operations, insertion order, views, merging and errors.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("z"), d.get("z", 0), d.setdefault("d", 4), d.setdefault("a", 100), d)
print(d.pop("a"), d.pop("zz", "missing"), d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d, len(d), "x" in d, 1 in d)
merged = d | {"x": 100, "new": 0}
print(merged)
d |= {"b": -1}
print(d)
print(dict.fromkeys("abc", 0), dict(zip("xy", (1, 2))), dict(a=1, b=2))
print({k: v for k, v in sorted(d.items())}, sorted(d, key=d.get))
try:
    d["missing"]
except KeyError as error:
    print("KeyError:", error)
keys = d.keys()
d["late"] = 1
print(list(keys), keys & {"late", "b"} == {"late", "b"})
try:
    for key in d:
        d["more"] = 1
except RuntimeError as error:
    print("RuntimeError:", error)
print(list(reversed(d)), d == dict(d), {1: 2} == {1: 2.0})
