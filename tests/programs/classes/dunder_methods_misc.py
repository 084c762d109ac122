# Checks: __len__/__bool__ errors, __index__ in slicing, __int__/__float__/__complex__ conversions, __round__.
class Number:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        return int(self.value)

    def __float__(self):
        return float(self.value)

    def __complex__(self):
        return complex(self.value, 1)

    def __round__(self, digits=None):
        return f"rounded({digits})"

    def __int__(self):
        return int(self.value) * 100


n = Number(2)
print([0, 1, 2, 3, 4][n:], "abcdef"[n], float(n), complex(n), round(n), round(n, 2), int(n), hex(n))


class BadLen:
    def __len__(self):
        return -1


try:
    len(BadLen())
except ValueError as error:
    print("ValueError:", error)
try:
    bool(BadLen())
except ValueError as error:
    print("ValueError:", error)
