# Checks: decimal and fractions arithmetic with exact results.
import decimal
import fractions

decimal.getcontext().prec = 30
print(decimal.Decimal("0.1") + decimal.Decimal("0.2"), decimal.Decimal(1) / decimal.Decimal(7))
print(decimal.Decimal("3.14159").quantize(decimal.Decimal("0.01")), decimal.Decimal("-0").is_signed())
print(fractions.Fraction(3, 4) + fractions.Fraction(1, 6), fractions.Fraction("0.125"), fractions.Fraction(1.5))
print(fractions.Fraction(355, 113).limit_denominator(10), float(fractions.Fraction(1, 3)))
print(sum(fractions.Fraction(1, n) for n in range(1, 6)))
