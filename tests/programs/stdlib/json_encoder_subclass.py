# Checks: subclassing json.JSONEncoder with a guest default() method, and parse_float/parse_int hooks.
import decimal
import json


class Encoder(json.JSONEncoder):
    def default(self, obj):
        if isinstance(obj, complex):
            return [obj.real, obj.imag]
        if isinstance(obj, set):
            return sorted(obj)
        return super().default(obj)


print(json.dumps({"z": 1 + 2j, "s": {3, 1, 2}}, cls=Encoder))
print(json.loads("[1.10, 2]", parse_float=decimal.Decimal, parse_int=lambda s: int(s) * 100))
