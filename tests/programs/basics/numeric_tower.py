# Checks: mixed arithmetic between int, float, complex, Fraction and Decimal, and numbers ABCs.
import decimal
import fractions
import numbers

half = fractions.Fraction(1, 2)
print(1 + half, half + 0.5, half * 2, 2 ** half, half ** 2, 1 + 2j + half if False else half + 1j)
print(decimal.Decimal("1.5") + 1, decimal.Decimal("1.5") * 2)
try:
    decimal.Decimal("1.5") + 1.5
except TypeError as error:
    print("TypeError:", error)
print(isinstance(1, numbers.Integral), isinstance(1.0, numbers.Rational), isinstance(half, numbers.Rational))
print(isinstance(1j, numbers.Complex), isinstance(decimal.Decimal(1), numbers.Number), 3 / fractions.Fraction(3, 4))
