# Checks: pickle: round trips at every protocol, custom classes, __getstate__/__setstate__, __reduce__, shared refs, unpicklable values.
import collections
import io
import pickle
import pickletools
import re


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.log = []

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["log"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.log = ["restored"]

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance}, {self.log})"


class Reduced:
    def __init__(self, value):
        self.value = value

    def __reduce__(self):
        return (Reduced, (self.value * 2,))


Pair = collections.namedtuple("Pair", "left right")
shared = [1, 2]
data = {"ints": [1, -1, 2 ** 70], "float": 1.5, "text": "héllo", "bytes": b"\x00", "tuple": (1, (2,)),
        "set": {3}, "frozen": frozenset({4}), "none": None, "shared": (shared, shared), "pair": Pair(1, "r"),
        "account": Account("ada", 10), "reduced": Reduced(21), "complex": 1 + 2j, "bytearray": bytearray(b"ab")}
for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
    restored = pickle.loads(pickle.dumps(data, protocol=protocol))
    same = restored["shared"][0] is restored["shared"][1]
    print(protocol, restored["account"], restored["reduced"].value, restored["pair"], same, all(restored[key] == data[key] for key in data if key not in ("account", "reduced")))
print(pickle.dumps([1, "a", None], protocol=2))
print(pickle.dumps((1, 2.0, "x"), protocol=4).hex())
output = io.StringIO()
pickletools.dis(pickle.dumps({"a": [1, 2]}, protocol=3), output)
print(output.getvalue())
recursive = []
recursive.append(recursive)
copy = pickle.loads(pickle.dumps(recursive))
print(copy[0] is copy)
buffer = io.BytesIO()
pickler = pickle.Pickler(buffer, protocol=4)
pickler.dump("first")
pickler.dump({"second": 2})
buffer.seek(0)
unpickler = pickle.Unpickler(buffer)
print(unpickler.load(), unpickler.load())
for value in (lambda: None, (x for x in [])):
    try:
        pickle.dumps(value)
    except (pickle.PicklingError, TypeError, AttributeError) as error:
        # The messages, and what damaged data raises, are the C _pickle's under
        # CPython: pickle_error_messages.py.
        print(type(error).__name__)
