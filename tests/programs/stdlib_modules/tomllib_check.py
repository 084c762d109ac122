# Checks: tomllib: parsing tables, arrays, inline tables, dates and times, numbers, strings, parse_float, errors.
import decimal
import io
import tomllib

document = '''
title = "TOML \\u00e9xample"
literal = 'C:\\Users\\x'
multi = """
first line \\
  continued"""
integers = [1_000, 0xff, 0o17, 0b101, -3, +4]
floats = [3.14, -0.01, 5e+22, inf, -inf]
booleans = { yes = true, no = false }
when = 1979-05-27T07:32:00-08:00
local = 1979-05-27T07:32:00
day = 1979-05-27
time = 07:32:00.999

[owner]
name = "Tom"
"quoted key" = 1
dotted.inner.key = "deep"

[[products]]
name = "Hammer"
sku = 738594937

[[products]]
name = "Nail"
color = "gray"
'''
data = tomllib.loads(document)
for key in sorted(data):
    print(key, repr(data[key]))
print(tomllib.loads("value = 0.1", parse_float=decimal.Decimal), tomllib.loads("nan = nan")["nan"] != 0)
print(tomllib.load(io.BytesIO(b"[a]\nb = [[1, 2], ['x']]\n")))
for bad in ("a = 1\na = 2", "key = ", "[t]\n[t]", "x = [1,", "s = 'no end", "n = 01"):
    try:
        tomllib.loads(bad)
    except tomllib.TOMLDecodeError as error:
        print("TOMLDecodeError:", error)
try:
    tomllib.load(io.StringIO("a = 1"))
except TypeError as error:
    print("TypeError:", error)
