# Checks: f-string format specs: width, alignment, fill, sign, precision, thousands, types.
value = 1234.5678
number = 255
print(f"|{value:10.2f}|{value:<12.1f}|{value:^12.3}|{value:*>14,.2f}|")
print(f"{number:b} {number:o} {number:x} {number:X} {number:#x} {number:08b} {number:+d} {-number: d}")
print(f"{0.25:%} {0.25:.0%} {1e-5:e} {1e-5:.2E} {123456789:,} {123456789:_d} {12.0:g}")
print(f"{'text':>8}|{'text':<8}|{'text':^8}|{'text':.2}|")
print(f"{3+4j:.1f} {True:d} {None!s:>6}")
