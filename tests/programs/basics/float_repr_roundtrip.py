# Checks: shortest float repr round-trips for many values; str(float) and float arithmetic edge cases.
values = [0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e-10, 1.5e300, 123456789012345678.0, 9007199254740993.0, 5e-324, 1.7976931348623157e308]
for value in values:
    print(repr(value), float(repr(value)) == value, str(value))
print(0.1 * 3, 0.1 * 3 == 0.3, 1e16 + 1, 2 ** 0.5 * 2 ** 0.5, 10 / 3, -10 / 3, 1 / -0.0 if False else -0.0 * 5)
