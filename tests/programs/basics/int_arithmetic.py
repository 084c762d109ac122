# Checks: int arithmetic operators, floor division and modulo signs, big ints, pow with modulus.
values = [7, -7, 0, 1, -1, 12345678901234567890]
for a in (7, -7, 13, -13):
    for b in (2, -2, 5, -5):
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b), a / b)
print(2 ** 100, (-2) ** 63, 2 ** -2)
print(pow(3, 200, 1000007), pow(7, -1, 13))
print(12345678901234567890 * 98765432109876543210)
print(-(10 ** 30) // 7, -(10 ** 30) % 7)
print(abs(-5), -(-5), +5, ~5, ~-1)
for value in values:
    print(value, bool(value), value.bit_length())
