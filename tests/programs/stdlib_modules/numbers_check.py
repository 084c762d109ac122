# Checks: numbers: the numeric tower, isinstance of builtins, registering and implementing an ABC.
import decimal
import fractions
import numbers

values = [1, True, 2.5, 1j, fractions.Fraction(1, 2), decimal.Decimal("1.5")]
for abc in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral):
    print(abc.__name__, [isinstance(value, abc) for value in values])


class Meters(numbers.Real):
    def __init__(self, value):
        self.value = float(value)

    def __float__(self):
        return self.value

    def __repr__(self):
        return f"Meters({self.value})"


try:
    Meters(1)
except TypeError as error:
    print("TypeError:", str(error).split(" with ")[0])
print(sorted(numbers.Integral.__abstractmethods__))
print(issubclass(bool, numbers.Integral), issubclass(float, numbers.Rational), numbers.Complex.register)
