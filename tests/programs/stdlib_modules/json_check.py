# Checks: json: dumps options, loads hooks, custom encoder/decoder, special floats, errors with positions.
import collections
import decimal
import json

data = {"name": "pvm", "list": [1, 2.5, None, True, False], "nested": {"b": 1, "a": "é\n\u2603"}, "empty": {}}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))
print(json.dumps(data, separators=(",", ":"), sort_keys=True))
print(json.dumps([float("inf"), float("-inf")]), json.dumps("\x00\x1f\"\\/"), json.dumps({1: 2, None: 3, 2.5: 4}))
print(json.loads('{"a": [1, 2, {"b": null}], "c": 1e3, "d": "\\u00e9\\ud83d\\ude00"}'))
print(json.loads('[1.5, 2]', parse_float=decimal.Decimal), json.loads('{"x": 1, "y": 2}', object_pairs_hook=collections.OrderedDict))
print(json.loads('{"p": {"x": 1, "y": 2}}', object_hook=lambda mapping: tuple(mapping.values()) if "x" in mapping else mapping))
print(json.loads("NaN") != json.loads("NaN"), json.loads(' "text" '), json.loads("[]"))


class SetEncoder(json.JSONEncoder):
    def default(self, value):
        if isinstance(value, set):
            return sorted(value)
        return super().default(value)


print(json.dumps({"s": {3, 1, 2}}, cls=SetEncoder))
print(list(SetEncoder(indent=None).iterencode([1, {"a": 2}])))
try:
    json.dumps(object())
except TypeError as error:
    print("TypeError:", error)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as error:
    print("ValueError:", error)
for bad in ('{"a": 1,}', "[1, 2", '{"a" 1}', "tru", '"unterminated', "[1] x"):
    try:
        json.loads(bad)
    except json.JSONDecodeError as error:
        print("JSONDecodeError:", error.msg, error.pos, error.lineno, error.colno)
circular = []
circular.append(circular)
try:
    json.dumps(circular)
except ValueError as error:
    print("ValueError:", error)
decoder = json.JSONDecoder()
print(decoder.raw_decode('{"a": 1} trailing'))
