# Checks: pprint: pformat with width/depth/compact/sort_dicts/underscore_numbers, PrettyPrinter, isreadable, saferepr.
import collections
import dataclasses
import pprint
import re

data = {"zeta": list(range(25)), "alpha": {"nested": [("tuple", 1), {"deep": {"deeper": [1, 2, 3]}}]},
        "text": "a long string that will have to be wrapped across lines when narrow " * 2, "number": 12345678}
pprint.pprint(data)
print(pprint.pformat(data, width=50, depth=2, compact=True))
print(pprint.pformat(data, sort_dicts=False, width=100, underscore_numbers=True))
printer = pprint.PrettyPrinter(indent=4, width=30)
printer.pprint([{"a": 1, "b": [1, 2]}, collections.OrderedDict(x=1), collections.Counter("aab")])
print(pprint.pformat(collections.defaultdict(list, {"k": [1]})), pprint.pformat(collections.deque(range(3), maxlen=5)))
recursive = [1]
recursive.append(recursive)
print(re.sub(r"id=[0-9]+", "id=ID", pprint.saferepr(recursive)), pprint.isrecursive(recursive), pprint.isreadable([1, "a"]), pprint.isreadable(recursive))


@dataclasses.dataclass
class Config:
    name: str
    options: dict
    values: list


pprint.pprint(Config("cfg", {"verbose": True, "paths": ["/usr/lib", "/usr/local/lib"]}, list(range(12))), width=40)
pprint.pp({"b": 1, "a": 2})
print(pprint.pformat(b"bytes " * 12, width=30), pprint.pformat(frozenset({3, 1, 2})), pprint.pformat({}))
