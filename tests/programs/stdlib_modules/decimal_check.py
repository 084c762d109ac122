# Checks: decimal: exact arithmetic, contexts, rounding, quantize, signals and traps.
import decimal
from decimal import Decimal

print(Decimal("0.1") + Decimal("0.2"), Decimal(1) / Decimal(7), Decimal("1.30") * 2)
print(Decimal(0.1), Decimal("3.14159").quantize(Decimal("0.01")), Decimal("-0"), Decimal("NaN"))
with decimal.localcontext() as context:
    context.prec = 5
    context.rounding = decimal.ROUND_DOWN
    print(Decimal(2).sqrt(), Decimal(1) / 3, context.prec)
print(decimal.getcontext().prec, Decimal(2).sqrt())
for rounding in (decimal.ROUND_HALF_UP, decimal.ROUND_HALF_EVEN, decimal.ROUND_CEILING, decimal.ROUND_FLOOR):
    print(rounding, [str(Decimal(value).quantize(Decimal("1"), rounding=rounding))
                     for value in ("2.5", "3.5", "-2.5")])
print(Decimal("1.2345E+3"), Decimal("123.4500").normalize(), Decimal("12.5").as_tuple())
print(Decimal("7").compare(Decimal("7.0")), Decimal("10") % 3, divmod(Decimal("-7"), 2))
print(round(Decimal("2.675"), 2), int(Decimal("-3.9")), float(Decimal("1.5")), Decimal("1e3").to_integral())
print(Decimal("1.5").as_integer_ratio(), Decimal(10) ** -2, Decimal("2").ln().quantize(Decimal("1e-10")))
print(sorted([Decimal("1.1"), Decimal("-2"), Decimal("0.5")]), Decimal("1.0") == 1, hash(Decimal(2)) == hash(2))
context = decimal.Context(prec=3, traps=[decimal.Inexact])
try:
    context.divide(Decimal(1), Decimal(3))
except decimal.Inexact as error:
    print("Inexact:", type(error).__name__)
try:
    Decimal(1) / 0
except decimal.DivisionByZero as error:
    print("DivisionByZero:", type(error).__mro__[1].__name__)
try:
    Decimal("abc")
except decimal.InvalidOperation as error:
    print("InvalidOperation")
print(decimal.Context(prec=4).create_decimal("3.14159"), Decimal("1.23").fma(2, 1))
