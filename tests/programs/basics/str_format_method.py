# Checks: str.format and format() with format specs.
print("{:>10}|{:<10}|{:^10}|{:*^9}".format("r", "l", "c", "x"))
print("{:+d} {: d} {:,} {:_} {:08.3f} {:.2%} {:b} {:#x} {:#o}".format(5, 5, 1234567, 1234567, 3.14159, 0.256, 10, 255, 8))
print("{0[1]} {1[key]} {2.real}".format([9, 8], {"key": "v"}, 3 + 4j))
print("{!r} {!s} {!a}".format("q", "q", "é"))
print(format(3.5, "g"), format(1e6, ".3g"), format(12, "x"), format("s", ">3"))
print("{:{width}.{precision}f}".format(2.718281828, width=10, precision=3))
print("{{literal}} {}".format("value"))


class Temperature:
    def __init__(self, degrees):
        self.degrees = degrees

    def __format__(self, spec):
        if spec == "F":
            return f"{self.degrees * 9 / 5 + 32:.1f}F"
        return f"{self.degrees:.1f}C"


print("{:F} {}".format(Temperature(100), Temperature(37)))
try:
    "{:d}".format("text")
except ValueError as error:
    print("ValueError:", error)
