# Checks: number bases, digit manipulation and arbitrary-precision arithmetic.
def to_base(number, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if number == 0:
        return "0"
    sign = "-" if number < 0 else ""
    number = abs(number)
    out = []
    while number:
        number, remainder = divmod(number, base)
        out.append(digits[remainder])
    return sign + "".join(reversed(out))


print([to_base(255, b) for b in (2, 8, 16, 36)], to_base(-42, 3), int(to_base(10 ** 30, 7), 7) == 10 ** 30)
print(sum(int(d) for d in str(2 ** 1000)), len(str(3 ** 1000)), str(7 ** 77)[:20])
print(pow(2, 10 ** 5, 10 ** 9 + 7), (10 ** 50 + 1) // 3, (-10 ** 50) // 7)
print(f"{2 ** 64:,}", f"{-(2 ** 40):_x}", int("1" * 50, 2))
