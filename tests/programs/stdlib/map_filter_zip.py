# Checks: map, filter, zip (strict too), enumerate and reversed with guest functions.
def square(x):
    return x * x


print(list(map(square, range(5))), list(map(lambda a, b: a - b, [10, 20], [1, 2, 3])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, "", "a", 1])))
print(list(zip("abc", range(3), [True, False, None])), list(zip()))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as error:
    print("ValueError:", error)
print(list(enumerate("xyz", 10)), list(reversed(range(3))))
print(dict(map(lambda pair: (pair[1], pair[0]), enumerate("ab"))))
print(any(map(lambda x: x > 3, [1, 5])), all(x for x in []))
