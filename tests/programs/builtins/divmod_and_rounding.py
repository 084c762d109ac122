# Checks: rounding rules (banker's rounding), int/float conversions and divmod with negative values.
print([round(x) for x in (0.5, 1.5, 2.5, -0.5, -1.5)], [round(x, 1) for x in (0.25, 0.35, 2.675)])
print([divmod(a, b) for a in (7, -7) for b in (3, -3)], divmod(7.0, -2), -7 // 2.0, -7 % 2.0)
print(int(2.9), int(-2.9), float(2 ** 53 + 1), 2 ** 53 + 1 == float(2 ** 53 + 1))
