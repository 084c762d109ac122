# Checks: abs, divmod, pow, round, sum, min, max, hash of numbers, with ints, floats and guest __index__/__abs__.
class Index:
    def __index__(self):
        return 3

    def __abs__(self):
        return "absolute"


print(abs(-3), abs(-2.5), abs(3 + 4j), abs(Index()), divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(pow(2, 8), pow(2, -1), pow(-8, 1 / 3).real > 0, pow(3, 4, 5), round(2.567, 1), round(-0.5))
print(sum([1, 2, 3]), sum([0.1] * 3), sum([[1], [2]], []), sum(range(5), start=10))
print(min(3, 1, 2), max([4, 9, 2]), min("bca"), max([], default="empty"), min([(2, "b"), (1, "z")]))
print([1, 2, 3][Index()] if False else "abcd"[Index()], bin(Index()), list(range(Index())))
print(hash(0) == hash(0.0), hash(-1), hash(2 ** 61 - 1), hash(10 ** 30) == hash(10 ** 30 % (2 ** 61 - 1)))
try:
    max([])
except ValueError as error:
    print("ValueError:", error)
try:
    sum(["a", "b"], "")
except TypeError as error:
    print("TypeError:", error)
