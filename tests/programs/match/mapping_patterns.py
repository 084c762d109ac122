# Checks: mapping patterns: required keys, extra keys allowed, **rest, nested values, non-dict mappings.
import collections


def handle(event):
    match event:
        case {"type": "click", "position": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(key), **rest}:
            return f"key {key} with {sorted(rest)}"
        case {"type": kind}:
            return f"unknown event {kind}"
        case {}:
            return "empty mapping pattern matches any mapping"
    return "not a mapping"


print(handle({"type": "click", "position": (1, 2), "extra": 0}))
print(handle({"type": "key", "key": "q", "shift": True, "ctrl": False}))
print(handle({"type": "scroll"}), handle({"no": "type"}), handle([1]))
print(handle(collections.OrderedDict(type="click", position=[5, 6])))
counts = collections.defaultdict(int)
match counts:
    case {"missing": _}:
        print("matched missing key")
    case _:
        print("defaultdict is not changed by mapping patterns:", dict(counts))
