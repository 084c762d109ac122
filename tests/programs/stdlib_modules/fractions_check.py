# Checks: fractions: construction from ints, strings, floats, decimals; arithmetic; limit_denominator; errors.
import decimal
import fractions
import math
from fractions import Fraction

print(Fraction(6, -8), Fraction("3/4"), Fraction(" -1.25e2 "), Fraction(0.1), Fraction(decimal.Decimal("1.1")))
a, b = Fraction(1, 3), Fraction(5, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, -a, abs(-a), a ** 2, a ** -2, 4 ** Fraction(1, 2))
print(a < b, a == Fraction(2, 6), a + 1, 1 - a, a * 1.5, a == 1 / 3, round(Fraction(7, 2)), round(Fraction(5, 2)))
print(Fraction(math.pi).limit_denominator(1000), Fraction(3.14159).limit_denominator(100))
print(Fraction(22, 7).numerator, Fraction(22, 7).denominator, float(Fraction(22, 7)), int(Fraction(-7, 2)))
print(math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), round(Fraction(22, 7), 3), Fraction(1, 3).as_integer_ratio())
print(hash(Fraction(1, 2)) == hash(0.5), Fraction.from_float(0.25), Fraction.from_decimal(decimal.Decimal("0.5")))
print(sum([Fraction(1, n) for n in range(1, 7)]), repr(Fraction(1, 7)), f"{float(Fraction(1, 7)):.5f}")
print(sorted([Fraction(1, 2), 0.25, 1, Fraction(-3, 4)]), isinstance(Fraction(1), fractions.Fraction))
for bad in (("1/0",), (1, 0), ("x",), (1.5, 2)):
    try:
        Fraction(*bad)
    except (ZeroDivisionError, ValueError, TypeError) as error:
        print(type(error).__name__, error)
