# Checks: bitwise and shift operators on ints, including negatives and big ints.
for a in (0, 5, -5, 255, 2 ** 70 + 3):
    for b in (1, 3, 12):
        print(a & b, a | b, a ^ b, a << b, a >> b)
print(-1 >> 100, 1 << 100, (1 << 100) >> 99)
print(bin(-37), oct(511), hex(-255), hex(2 ** 64))
print(int.from_bytes(b"\x01\x02", "big"), (1027).to_bytes(2, "little"))
print((255).bit_count() if hasattr(int, "bit_count") else 8)
try:
    1 << -1
except ValueError as error:
    print("ValueError:", error)
