# Checks: operator precedence and associativity across the expression grammar.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2)
print(10 - 4 - 3, 100 / 10 / 5, 2 * 3 % 4, 1 + 2 << 3, 1 | 2 ^ 3 & 4)
print(not 1 == 2, not (1 == 2) and 3, 1 < 2 == 2, -3 % 5, ~3 + 1)
print(2 ** -1, -(3) ** 2, 5 // 2 * 2 + 5 % 2, 1 if 0 else 2 if 1 else 3)
print([1, 2] + [3] * 2, "a" "b" * 2, (lambda x: x + 1)(2) * 3)
x = 3
print(x * -1, x - -1, x + +1, - - x, not -x)
