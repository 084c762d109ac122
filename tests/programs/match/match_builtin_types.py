# Checks: class patterns for builtin types that match the whole subject positionally (int, str, list, dict, tuple, bool).
def kind(value):
    match value:
        case bool(flag):
            return f"bool {flag}"
        case int(number) if number < 0:
            return f"negative int {number}"
        case int():
            return "int"
        case str(text) if text.isdigit():
            return f"digit string {text}"
        case list([first, *_]):
            return f"list starting with {first}"
        case tuple((a, b)):
            return f"pair {a} {b}"
        case dict({"id": identifier}):
            return f"record {identifier}"
        case float(x):
            return f"float {x}"
        case complex() as x:
            return f"complex {x}"
    return "unmatched"


for value in (True, -4, 7, "123", "abc", [9, 8], [], (1, 2), {"id": 5}, 1.5, 1j):
    print(repr(value), kind(value))
try:
    match 1j:
        case complex(z):
            pass
except TypeError as error:
    print("TypeError:", error)
