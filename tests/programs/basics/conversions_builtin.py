# Checks: conversions between builtin types: str, repr, int, float, list, tuple, dict, bool.
print(str(1), repr("1"), int("1"), float("1.5"), list((1, 2)), tuple([1, 2]), dict([(1, 2)]))
print(bool(0), bool("False"), list({"a": 1}), list("hi"), set("aa") == {"a"})
print(chr(97), ord("a"), hex(255), oct(8), bin(5), float("-inf"), float(" 1e3 "))
print(str(1.0), str(1e22), str(1.5e-7), repr(0.1), str(True), int(False))
print(list(map(int, "123")), [float(x) for x in ("1", "2.5")], complex("3-4j"))
