# Checks: int() from strings and floats in several bases, underscores, errors.
print(int("42"), int("-0x1F", 16), int("0b101", 0), int("0o17", 0), int("z", 36))
print(int("1_000_000"), int(" 12 "), int(3.99), int(-3.99), int(True))
print(int("123", base=8), int.__name__)
for text in ("", "1.5", "0x", "12a"):
    try:
        int(text)
    except ValueError as error:
        print("ValueError:", error)
print(round(2.5), round(3.5), round(-2.5), round(1234, -2), round(1250, -2))
print(float(7), complex(3), str(10 ** 20))
print(1_000 + 0x_ff + 0o_7 + 0b_1)
