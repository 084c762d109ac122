# Checks: float arithmetic, repr, special values, rounding and comparisons.
import math
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-7, 123456789.0 * 10, 1.0)
print(float("inf"), -float("inf"), float("nan") != float("nan"))
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, divmod(-7.5, 2))
print(2.0 ** 0.5, (-8.0) ** (1 / 3) if False else 2.0 ** -1)
print(round(2.675, 2), round(0.5), round(1.5), round(-0.5), round(3.14159, 3))
print(float.is_integer(3.0), (2.5).as_integer_ratio(), (0.1).hex())
print(float.fromhex("0x1.8p1"), math.isclose(0.1 + 0.2, 0.3))
print(-0.0, 0.0 == -0.0, math.copysign(1, -0.0), str(-0.0))
print(1e308 * 10, -1e308 * 10, 5e-324 / 2)
print(int(1e20), float(10 ** 20), 10 ** 20 == 1e20)
try:
    1.0 / 0
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)
try:
    math.sqrt(-1)
except ValueError as error:
    print("ValueError:", error)
print(f"{1234.5678:.2f} {1234.5678:e} {0.000012:g} {1e100:g}")
