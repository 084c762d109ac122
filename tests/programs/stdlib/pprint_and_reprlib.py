# Checks: pprint of nested guest data, and reprlib.repr abbreviations.
import pprint
import reprlib

data = {"users": [{"name": f"user{i}", "roles": ["admin", "dev"][: i % 3], "id": i} for i in range(4)], "count": 4}
pprint.pprint(data, width=60)
print(pprint.pformat(list(range(30)), width=40, compact=True))
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100))
