# Checks: chained comparisons, evaluation order and single evaluation of middle operands.
calls = []


def value(tag, number):
    calls.append(tag)
    return number


print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0 == True, 1 < 2 > 0)
print(value("a", 1) < value("b", 5) < value("c", 3), calls)
calls.clear()
print(value("a", 5) < value("b", 1) < value("c", 3), calls)
calls.clear()
print(value("a", 1) <= value("b", 1) != value("c", 2) is not None, calls)
x = 5
print(0 < x <= 5, 0 < x < 5, x in [5] in [[5]], None is None is not False)
print("a" < "b" < "c" < "ca", [1, 2] < [1, 3], (1, 2) < (1, 2, 0), 2 in range(3) == True)
