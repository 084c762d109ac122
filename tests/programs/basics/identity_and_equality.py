# Checks: is vs ==, None/True/False singletons, equality across numeric types.
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b)
print(1 == 1.0, 1 == 1 + 0j, True == 1, False == 0, hash(1) == hash(1.0) == hash(True))
print(None is None, type(None)() is None, (lambda: None)() is None)
print({1: "int", 1.0: "float", True: "bool"})
print([] == [], () == (), {} == {}, [1] == (1,), "1" == 1, float("nan") in [float("nan")])
nan = float("nan")
print(nan in [nan], nan == nan, [nan] == [nan])
