# Checks: json.dumps/loads with indentation, sort_keys, custom default and object_hook (guest callables).
import json

data = {"name": "pvm", "version": [3, 11], "nested": {"ok": True, "none": None}, "pi": 3.14159}
text = json.dumps(data, sort_keys=True)
print(text)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.loads(text) == data, json.loads('[1, 2.5, "x", null, true]'))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def encode(obj):
    if isinstance(obj, Point):
        return {"__point__": [obj.x, obj.y]}
    raise TypeError(f"cannot encode {type(obj).__name__}")


def decode(obj):
    if "__point__" in obj:
        return Point(*obj["__point__"])
    return obj


encoded = json.dumps({"p": Point(1, 2)}, default=encode)
decoded = json.loads(encoded, object_hook=decode)
print(encoded, decoded["p"].x, decoded["p"].y)
try:
    json.dumps({"s": {1, 2}}, default=encode)
except TypeError as error:
    print("TypeError:", error)
try:
    json.loads("{bad json}")
except json.JSONDecodeError as error:
    print("JSONDecodeError:", error)
print(json.dumps("é☃"), json.dumps("é", ensure_ascii=False), json.dumps([1, [2, [3]]], separators=(",", ":")))
