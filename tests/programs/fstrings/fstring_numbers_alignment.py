# Checks: f-string numeric presentation types across ints, floats and Decimals, with '=' alignment and zero padding.
import decimal

for value in (0, 7, -42, 1234567):
    print(f"[{value:=+10}] [{value:010d}] [{value:^+9}] [{value:,}]")
for value in (0.0, -0.0, 1.5, 2.675, 1e21, float("inf"), float("nan")):
    print(f"[{value:.2f}] [{value:10.3e}] [{value:g}] [{value:n}] [{value!r}]")
print(f"{decimal.Decimal('3.14159'):.3f} {decimal.Decimal('1e5'):f} {decimal.Decimal('-0.5'):+.0f}")
